namespace FilePipeline.Core.Ports;

/// <summary>The bucket the pipeline reads uploads from (S3 on AWS, a folder locally).</summary>
public interface IObjectStore
{
    /// <summary>
    /// Opens the exact bytes <paramref name="file"/> names: its pinned version when it has one,
    /// otherwise the current version provided its ETag still matches.
    /// </summary>
    /// <exception cref="Errors.ObjectNotFoundException">The object or version does not exist.</exception>
    /// <exception cref="Errors.ObjectChangedException">The object's ETag no longer matches.</exception>
    /// <exception cref="Errors.StorageUnavailableException">The store failed transiently.</exception>
    Task<StoredObject> OpenReadAsync(FileRef file, CancellationToken cancellationToken);

    /// <summary>
    /// Reads at most <paramref name="count"/> bytes from the start of the object (a ranged GET),
    /// with the same version and ETag rules as <see cref="OpenReadAsync"/>.
    /// </summary>
    Task<ReadOnlyMemory<byte>> ReadPrefixAsync(FileRef file, int count, CancellationToken cancellationToken);

    /// <summary>Writes a new version of <paramref name="key"/> and returns what S3 would report of it.</summary>
    Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, CancellationToken cancellationToken);
}

/// <summary>What the store says of one object version.</summary>
public sealed record ObjectInfo(string Bucket, string Key, string ETag, long Size, string? VersionId, DateTimeOffset LastModified);

/// <summary>An open object: its metadata and a forward-only stream of its bytes.</summary>
public sealed class StoredObject(ObjectInfo info, Stream content) : IAsyncDisposable
{
    public ObjectInfo Info { get; } = info;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
