using System.CommandLine;
using FilePipeline.Cli.Operate;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline process &lt;file&gt;... [--key-prefix P] [--json]</c>: upload, run until everything
/// settles, one line per file. Exit 0 all PROCESSED/DUPLICATE, 2 any REJECTED, 3 any FAILED, 1 usage.
/// </summary>
internal static class ProcessCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("file") { Description = "CSV files to upload and process.", Arity = ArgumentArity.OneOrMore };
        var keyPrefix = new Option<string?>("--key-prefix") { Description = "Prefix of the object keys (the key is prefix + file name)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per file, one per line." };
        var timeout = new Option<int>("--timeout") { Description = "With --stack: seconds to wait for each file to settle in the ledger (default 900: three receives with ProcessQueue's backoff).", DefaultValueFactory = _ => 900 };
        var command = new Command("process", "Upload files and run the pipeline until each settles: PROCESSED, DUPLICATE, REJECTED or FAILED (in the DLQ). Exit 0 all PROCESSED/DUPLICATE, 2 any REJECTED, 3 any FAILED, 1 usage error.")
        {
            files, keyPrefix, json, timeout,
        };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: true, offersStack: true);
        PipelineCommand.SetAction(command, options, environment, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            var prefix = parseResult.GetValue(keyPrefix);
            var targets = parseResult.GetRequiredValue(files).Select(path => (path, Uploader.KeyFor(path, null, prefix))).ToList();
            var outcomes = await PipelineSettler.ProcessAsync(pipeline, targets, cancellationToken);
            OutcomeReport.Write(output, outcomes, parseResult.GetValue(json));
            return FileOutcome.ExitCodeOf(outcomes);
        },
        async (parseResult, stack, output, _, cancellationToken) =>
        {
            var prefix = parseResult.GetValue(keyPrefix);
            var wait = TimeSpan.FromSeconds(parseResult.GetValue(timeout) is > 0 and var seconds ? seconds : throw new UsageException("--timeout must be a positive number of seconds."));
            var time = options.Resolve(parseResult, environment, runsPipeline: false).Time;
            var targets = parseResult.GetRequiredValue(files).Select(path => (Path: path, Key: Uploader.KeyFor(path, null, prefix))).ToList();
            PipelineSettler.RequireNotified(stack.Template, targets.Select(t => t.Key));
            var uploads = new List<UploadedFile>();
            foreach (var (path, key) in targets)
            {
                uploads.Add(await StackUploads.UploadAsync(stack, path, key, time, cancellationToken));
            }

            var outcomes = new List<FileOutcome>();
            foreach (var upload in uploads)
            {
                outcomes.Add(await StackUploads.FollowAsync(stack, upload, wait, time, cancellationToken));
            }

            OutcomeReport.Write(output, outcomes, parseResult.GetValue(json));
            return FileOutcome.ExitCodeOf(outcomes);
        });
        return command;
    }
}
