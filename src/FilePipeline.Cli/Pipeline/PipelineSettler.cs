using FilePipeline.Host.Template;
using FilePipeline.Local.Hosting;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Uploads files and runs the pipeline until idle, then says how each upload settled.</summary>
internal static class PipelineSettler
{
    /// <exception cref="UsageException">A file cannot be read, or its key would not reach ValidateUpload.</exception>
    public static async Task<IReadOnlyList<FileOutcome>> ProcessAsync(
        LocalPipeline pipeline, IReadOnlyList<(string Path, string Key)> files, CancellationToken cancellationToken)
    {
        foreach (var (path, _) in files)
        {
            InputFile.RequireRegular(path);
        }

        var notification = pipeline.Template.ValidateUpload.S3Events!;
        if (files.FirstOrDefault(f => !notification.Matches(f.Key)) is { Key: { } unmatched })
        {
            throw new UsageException($"'{unmatched}' would not be processed: the bucket notifies only keys{Describe(notification)} (serverless.template).");
        }

        var uploads = new List<UploadedFile>();
        foreach (var (path, key) in files)
        {
            uploads.Add(await Uploader.UploadAsync(pipeline, path, key, cancellationToken));
        }

        await new PipelineRunner(pipeline).RunAsync(RunMode.UntilIdle, workers: 1, cancellationToken);
        var outcomes = new List<FileOutcome>();
        foreach (var upload in uploads)
        {
            outcomes.Add(await OutcomeResolver.ResolveAsync(pipeline, upload, cancellationToken));
        }

        return outcomes;
    }

    private static string Describe(S3EventSource source) =>
        (source.KeyPrefix is null ? "" : $" starting '{source.KeyPrefix}'") + (source.KeySuffix is null ? "" : $" ending '{source.KeySuffix}'");
}
