using FilePipeline.Host;
using FilePipeline.Host.EventSources;
using FilePipeline.Host.Template;

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

        RequireNotified(pipeline.Template, files.Select(f => f.Key));
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

    /// <exception cref="UsageException">A key would not reach ValidateUpload: the bucket's notification filter skips it.</exception>
    public static void RequireNotified(PipelineTemplate template, IEnumerable<string> keys)
    {
        var notification = template.ValidateUpload.S3Events!;
        if (keys.FirstOrDefault(key => !notification.Matches(key)) is { } unmatched)
        {
            throw new UsageException($"'{unmatched}' would not be processed: the bucket notifies only keys{Describe(notification)} (serverless.template).");
        }
    }

    private static string Describe(S3EventSource source) =>
        (source.KeyPrefix is null ? "" : $" starting '{source.KeyPrefix}'") + (source.KeySuffix is null ? "" : $" ending '{source.KeySuffix}'");
}
