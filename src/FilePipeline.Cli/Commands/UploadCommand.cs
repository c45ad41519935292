using System.CommandLine;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Commands;

/// <summary><c>filepipeline upload &lt;file&gt;... [--key K]</c>: put files into the bucket; <c>run</c> processes them. Exit 0, or 1 on a usage error.</summary>
internal static class UploadCommand
{
    public static Command Create() => Create(CliEnvironment.Process);

    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("file") { Description = "Files to upload.", Arity = ArgumentArity.OneOrMore };
        var key = new Option<string?>("--key") { Description = "The object key (one file only; default: the file name)." };
        var command = new Command("upload", "Upload files to the local bucket; each upload queues an S3 ObjectCreated event for `run`.") { files, key };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false, offersStack: true);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            var paths = parseResult.GetRequiredValue(files);
            var explicitKey = parseResult.GetValue(key);
            if (explicitKey is not null && paths.Length > 1)
            {
                throw new UsageException("--key names one object; give one file with it.");
            }

            foreach (var path in paths)
            {
                var upload = await Uploader.UploadAsync(pipeline, path, Uploader.KeyFor(path, explicitKey, null), cancellationToken);
                await output.WriteLineAsync($"uploaded {path} → s3://{upload.Info.Bucket}/{upload.Info.Key} (version {upload.Info.VersionId}, fileId {upload.File.FileId})");
                if (!pipeline.Template.ValidateUpload.S3Events!.Matches(upload.Info.Key))
                {
                    await output.WriteLineAsync($"  note: the bucket's notification filter (serverless.template) skips '{upload.Info.Key}', so no processing starts.");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
