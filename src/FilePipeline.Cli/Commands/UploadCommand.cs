using System.CommandLine;
using FilePipeline.Cli.Operate;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Host.Template;

namespace FilePipeline.Cli.Commands;

/// <summary><c>filepipeline upload &lt;file&gt;... [--key K]</c>: put files into the bucket; <c>run</c> processes them. Exit 0, or 1 on a usage error.</summary>
internal static class UploadCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var files = new Argument<string[]>("file") { Description = "Files to upload.", Arity = ArgumentArity.OneOrMore };
        var key = new Option<string?>("--key") { Description = "The object key (one file only; default: the file name)." };
        var command = new Command("upload", "Upload files to the local bucket; each upload queues an S3 ObjectCreated event for `run` (with --stack: to the deployed bucket, whose notification starts the pipeline).") { files, key };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false, offersStack: true);
        PipelineCommand.SetAction(
            command,
            options,
            environment,
            async (parseResult, pipeline, output, _, cancellationToken) =>
            {
                foreach (var (path, objectKey) in Targets(parseResult))
                {
                    var upload = await Uploader.UploadAsync(pipeline, path, objectKey, cancellationToken);
                    await ReportAsync(output, upload, pipeline.Template);
                }

                return ExitCodes.Success;
            },
            async (parseResult, stack, output, _, cancellationToken) =>
            {
                foreach (var (path, objectKey) in Targets(parseResult))
                {
                    var upload = await StackUploads.UploadAsync(stack, path, objectKey, TimeProvider.System, cancellationToken);
                    await ReportAsync(output, upload, stack.Template);
                }

                return ExitCodes.Success;
            });
        return command;

        IEnumerable<(string Path, string Key)> Targets(ParseResult parseResult)
        {
            var paths = parseResult.GetRequiredValue(files);
            var explicitKey = parseResult.GetValue(key);
            if (explicitKey is not null && paths.Length > 1)
            {
                throw new UsageException("--key names one object; give one file with it.");
            }

            return [.. paths.Select(path => (path, Uploader.KeyFor(path, explicitKey, null)))];
        }
    }

    private static async Task ReportAsync(TextWriter output, UploadedFile upload, PipelineTemplate template)
    {
        await output.WriteLineAsync($"uploaded {upload.Path} → s3://{upload.Info.Bucket}/{upload.Info.Key} (version {upload.Info.VersionId}, fileId {upload.File.FileId})");
        if (!template.ValidateUpload.S3Events!.Matches(upload.Info.Key))
        {
            await output.WriteLineAsync($"  note: the bucket's notification filter (serverless.template) skips '{upload.Info.Key}', so no processing starts.");
        }
    }
}
