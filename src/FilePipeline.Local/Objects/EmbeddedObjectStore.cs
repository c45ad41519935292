using System.Buffers;
using System.Security.Cryptography;
using FilePipeline.Core;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;
using FilePipeline.Local.Storage;

namespace FilePipeline.Local.Objects;

/// <summary>
/// A versioned S3-like bucket store in the state directory: bytes in <c>objects/</c> by version
/// id, metadata in SQLite. A put streams to a temp file while hashing (ETag = MD5), fsyncs,
/// renames, and commits the version row together with its ObjectCreated:Put event in one
/// transaction, so a crash leaves either nothing or the object and exactly one event.
/// </summary>
public sealed partial class EmbeddedObjectStore : IObjectStore
{
    private const int CopyBufferSize = 81_920;

    private readonly LocalDatabase database;
    private readonly EmbeddedQueues queues;
    private readonly TimeProvider timeProvider;
    private readonly string region;
    private readonly ObjectFiles files;

    public EmbeddedObjectStore(LocalDatabase database, EmbeddedQueues queues, TimeProvider timeProvider, string region = "us-east-1")
    {
        this.database = database;
        this.queues = queues;
        this.timeProvider = timeProvider;
        this.region = region;
        files = new ObjectFiles(database.StateDirectory);
        using var connection = database.Open();
        LocalDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS buckets(
                name TEXT PRIMARY KEY,
                notification_queue TEXT NULL,
                notification_id TEXT NULL);
            CREATE TABLE IF NOT EXISTS object_versions(
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                version_id TEXT NOT NULL UNIQUE,
                bucket TEXT NOT NULL REFERENCES buckets(name),
                key TEXT NOT NULL,
                etag TEXT NOT NULL,
                size INTEGER NOT NULL,
                last_modified INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS object_versions_key ON object_versions(bucket, key, seq);
            """);
        files.RemoveOrphans(connection);
    }

    /// <summary>Creates the bucket, or replaces its notification when it exists; a null notification sends no events.</summary>
    public Task CreateBucketAsync(string bucket, BucketNotification? notification, CancellationToken cancellationToken)
    {
        if (!BucketName().IsMatch(bucket))
        {
            throw new ArgumentException($"Bucket name '{bucket}' is invalid: use 3 to 63 lower-case letters, digits, dots and hyphens.", nameof(bucket));
        }

        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        if (notification is not null)
        {
            EmbeddedQueues.RequireQueue(connection, transaction, notification.QueueName);
        }

        connection.Run(
            transaction,
            "INSERT INTO buckets VALUES ($p0, $p1, $p2) ON CONFLICT(name) DO UPDATE SET notification_queue = $p1, notification_id = $p2",
            bucket, notification?.QueueName, notification?.ConfigurationId);
        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <exception cref="ObjectKeyRejectedException">The key breaks the store's key rules.</exception>
    /// <exception cref="NoSuchBucketException">The bucket has not been created.</exception>
    public Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, CancellationToken cancellationToken) =>
        PutVersionAsync(bucket, key, content, multipartETag: null, cancellationToken);

    /// <summary>
    /// Commits a completed multipart upload (its parts' bytes in order) like a put, under S3's
    /// multipart ETag (<paramref name="multipartETag"/>, "md5-of-md5s-N") and with the
    /// ObjectCreated:CompleteMultipartUpload event.
    /// </summary>
    /// <exception cref="ObjectKeyRejectedException">The key breaks the store's key rules.</exception>
    /// <exception cref="NoSuchBucketException">The bucket has not been created.</exception>
    public Task<ObjectInfo> CompleteMultipartUploadAsync(string bucket, string key, Stream content, string multipartETag, CancellationToken cancellationToken) =>
        PutVersionAsync(bucket, key, content, multipartETag, cancellationToken);

    private async Task<ObjectInfo> PutVersionAsync(string bucket, string key, Stream content, string? multipartETag, CancellationToken cancellationToken)
    {
        ObjectKeyRules.Validate(key);
        var versionId = Guid.CreateVersion7().ToString("N");
        var published = false;
        var committed = false;
        var eventQueued = false;
        try
        {
            ObjectInfo info;
            await using (var temp = files.CreateTemp(versionId))
            {
                var (md5, size) = await CopyHashingAsync(content, temp, cancellationToken).ConfigureAwait(false);
                temp.Flush(flushToDisk: true);
                var eTag = multipartETag ?? md5;
                info = new ObjectInfo(bucket, key, eTag, size, versionId, timeProvider.GetUtcNow());

                // Inside the temp file's lock: another process's orphan sweep must not take it before the rename.
                eventQueued = await database.WriteAsync((connection, transaction) =>
                {
                    var notification = FindBucket(connection, transaction, bucket);
                    files.Publish(versionId);
                    published = true;
                    var seq = (long)connection.Scalar(
                        transaction,
                        "INSERT INTO object_versions(version_id, bucket, key, etag, size, last_modified) VALUES ($p0, $p1, $p2, $p3, $p4, $p5) RETURNING seq",
                        versionId, bucket, key, eTag, size, info.LastModified.ToUnixTimeMilliseconds())!;
                    if (notification is null)
                    {
                        return false;
                    }

                    var sequencer = seq.ToString("X16", System.Globalization.CultureInfo.InvariantCulture);
                    var eventName = multipartETag is null ? S3EventNotification.Put : S3EventNotification.CompleteMultipartUpload;
                    queues.Enqueue(connection, transaction, notification.QueueName, S3EventNotification.ObjectCreated(info, eventName, sequencer, region, notification.ConfigurationId));
                    return true;
                }).ConfigureAwait(false);
                committed = true;
            }

            if (eventQueued)
            {
                queues.NotifyMessageAvailable();
            }

            return info;
        }
        finally
        {
            if (!committed)
            {
                File.Delete(published ? files.PathOf(versionId) : files.TempPath(versionId));
            }
        }
    }

    private static async Task<(string ETag, long Size)> CopyHashingAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
#pragma warning disable CA5351 // The ETag is S3's MD5 content checksum, not a security control.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                size += read;
            }

            return (Convert.ToHexStringLower(md5.GetHashAndReset()), size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
