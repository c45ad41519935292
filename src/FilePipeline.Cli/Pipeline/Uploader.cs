using FilePipeline.Host;
using FilePipeline.Local.Objects;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Puts local files into the pipeline's bucket; each put queues its S3 event in the same transaction.</summary>
internal static class Uploader
{
    /// <summary>The object key of a file: <paramref name="key"/> when given, else the prefix plus the file name.</summary>
    public static string KeyFor(string path, string? key, string? prefix) => key ?? (prefix ?? "") + Path.GetFileName(path);

    /// <exception cref="UsageException">A file is missing or its key is not a valid object key.</exception>
    public static async Task<UploadedFile> UploadAsync(LocalPipeline pipeline, string path, string key, CancellationToken cancellationToken)
    {
        await using (var content = OpenInput(path))
        {
            try
            {
                var uploadedAt = pipeline.Options.Time.GetUtcNow();
                var info = await pipeline.PutObjectAsync(key, content, cancellationToken);
                return new UploadedFile(path, info, uploadedAt);
            }
            catch (ObjectKeyRejectedException e)
            {
                throw new UsageException($"'{key}' is not a valid object key: {e.Message}");
            }
        }
    }

    /// <summary>Opens a local file to upload, streaming.</summary>
    /// <exception cref="UsageException">The file is missing, not a regular file, or unreadable.</exception>
    public static FileStream OpenInput(string path)
    {
        InputFile.RequireRegular(path);
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
    }
}
