using System.Security.Cryptography;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;

namespace FilePipeline.Functions.Tests.Fakes;

/// <summary>An in-memory bucket: objects by bucket and key, with failures to inject per key.</summary>
internal sealed class FakeObjectStore : IObjectStore
{
    private readonly Dictionary<(string Bucket, string Key), (byte[] Bytes, ObjectInfo Info)> objects = [];

    public Dictionary<string, Exception> FailuresByKey { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, OpenReadAsync hands out this stream instead of the object's bytes.</summary>
    public Func<Stream>? ContentOverride { get; set; }

    public List<(FileRef File, int Count)> PrefixReads { get; } = [];

    public List<FileRef> Opens { get; } = [];

    public ObjectInfo Add(string bucket, string key, byte[] bytes, string? versionId = "v1")
    {
#pragma warning disable CA5351 // S3's ETag of a single-part upload is the MD5 of its bytes; mirrored here, not used for security.
        var eTag = Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
        var info = new ObjectInfo(bucket, key, eTag, bytes.Length, versionId, DateTimeOffset.UnixEpoch);
        objects[(bucket, key)] = (bytes, info);
        return info;
    }

    public Task<StoredObject> OpenReadAsync(FileRef file, CancellationToken cancellationToken)
    {
        Opens.Add(file);
        var (bytes, info) = Find(file);
        Stream content = ContentOverride?.Invoke() ?? new MemoryStream(bytes, writable: false);
        return Task.FromResult(new StoredObject(info, content));
    }

    public Task<ReadOnlyMemory<byte>> ReadPrefixAsync(FileRef file, int count, CancellationToken cancellationToken)
    {
        PrefixReads.Add((file, count));
        var (bytes, _) = Find(file);
        return Task.FromResult<ReadOnlyMemory<byte>>(bytes.AsMemory(0, Math.Min(count, bytes.Length)));
    }

    public Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return Task.FromResult(Add(bucket, key, copy.ToArray()));
    }

    private (byte[] Bytes, ObjectInfo Info) Find(FileRef file)
    {
        if (FailuresByKey.TryGetValue(file.Key, out var failure))
        {
            throw failure;
        }

        if (!objects.TryGetValue((file.Bucket, file.Key), out var found))
        {
            throw new ObjectNotFoundException($"s3://{file.Bucket}/{file.Key} does not exist.");
        }

        if (found.Info.ETag != file.ETag)
        {
            throw new ObjectChangedException($"s3://{file.Bucket}/{file.Key} has ETag {found.Info.ETag}, not {file.ETag}.");
        }

        return found;
    }
}
