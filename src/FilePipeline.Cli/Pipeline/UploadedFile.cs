using FilePipeline.Core;
using FilePipeline.Core.Ports;

namespace FilePipeline.Cli.Pipeline;

/// <summary>One local file put into the bucket: the version it became and when.</summary>
internal sealed record UploadedFile(string Path, ObjectInfo Info, DateTimeOffset UploadedAt)
{
    public FileRef File => new(Info.Bucket, Info.Key, Info.ETag.Trim('"').ToLowerInvariant(), Info.VersionId);
}
