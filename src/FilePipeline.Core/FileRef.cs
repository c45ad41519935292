namespace FilePipeline.Core;

/// <summary>
/// One uploaded object version: what the pipeline processes. Its <see cref="FileId"/> is the
/// identity the ledger is keyed by (architecture.md §2).
/// </summary>
/// <param name="Key">The object key, already URL-decoded.</param>
/// <param name="ETag">The ETag without quotes, lower case.</param>
public sealed record FileRef(string Bucket, string Key, string ETag, string? VersionId = null)
{
    /// <summary><c>{bucket}/{key}@{eTag}</c>.</summary>
    public string FileId => $"{Bucket}/{Key}@{ETag}";

    /// <summary>The last path segment of the key.</summary>
    public string FileName => Key[(Key.LastIndexOf('/') + 1)..];
}
