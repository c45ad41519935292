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

    /// <summary>
    /// The file an S3 event names: decodes its form-URL-encoded key and normalises the ETag
    /// (S3 sends it quoted in some places and not in others).
    /// </summary>
    /// <exception cref="Errors.InvalidObjectKeyException">The key is not valid form-URL-encoded UTF-8.</exception>
    public static FileRef FromS3(string bucket, string encodedKey, string eTag, string? versionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentNullException.ThrowIfNull(eTag);
        var key = S3ObjectKey.Decode(encodedKey);
        return new FileRef(bucket, key, eTag.Trim('"').ToLowerInvariant(), string.IsNullOrEmpty(versionId) ? null : versionId);
    }

    /// <summary>
    /// Splits a <see cref="FileId"/> back into its parts. Bucket names hold no '/' and ETags no '@',
    /// so the bucket ends at the first '/' and the ETag starts after the last '@'; the key keeps
    /// any '/' or '@' of its own.
    /// </summary>
    /// <exception cref="FormatException"><paramref name="fileId"/> is not <c>{bucket}/{key}@{eTag}</c>.</exception>
    public static (string Bucket, string Key, string ETag) ParseFileId(string fileId)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        var slash = fileId.IndexOf('/', StringComparison.Ordinal);
        var at = fileId.LastIndexOf('@');
        if (slash <= 0 || at <= slash + 1 || at == fileId.Length - 1)
        {
            throw new FormatException($"'{fileId}' is not a file id: expected {{bucket}}/{{key}}@{{eTag}} with none of the three empty.");
        }

        return (fileId[..slash], fileId[(slash + 1)..at], fileId[(at + 1)..]);
    }
}
