using System.Text.RegularExpressions;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Objects;

public sealed partial class EmbeddedObjectStore
{
    private const string VersionColumns = "bucket, key, etag, size, version_id, last_modified";

    public Task<StoredObject> OpenReadAsync(FileRef file, CancellationToken cancellationToken)
    {
        var info = Resolve(file);
        return Task.FromResult(new StoredObject(info, OpenVersion(info)));
    }

    public async Task<ReadOnlyMemory<byte>> ReadPrefixAsync(FileRef file, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var info = Resolve(file);
        await using var content = OpenVersion(info);
        var prefix = new byte[(int)Math.Min(count, info.Size)];
        var read = await content.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return prefix.AsMemory(0, read);
    }

    /// <summary>
    /// Deletes one version permanently, or every version of the key when <paramref name="versionId"/>
    /// is null (this store keeps no delete markers); returns how many versions went.
    /// </summary>
    public Task<int> DeleteObjectAsync(string bucket, string key, string? versionId, CancellationToken cancellationToken)
    {
        List<string> deleted;
        using (var connection = database.Open())
        using (var transaction = connection.BeginWrite())
        {
            deleted = connection.Query(
                transaction,
                "DELETE FROM object_versions WHERE bucket = $p0 AND key = $p1 AND ($p2 IS NULL OR version_id = $p2) RETURNING version_id",
                reader => reader.GetString(0),
                bucket, key, versionId);
            transaction.Commit();
        }

        // After the commit: a crash before these deletes leaves orphan files, which the next open removes.
        foreach (var version in deleted)
        {
            File.Delete(files.PathOf(version));
        }

        return Task.FromResult(deleted.Count);
    }

    /// <summary>Every version of the keys under <paramref name="prefix"/>, by key, newest first (S3 ListObjectVersions).</summary>
    public Task<IReadOnlyList<ObjectVersionInfo>> ListObjectVersionsAsync(string bucket, string? prefix, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var versions = connection.Query(
            null,
            $"SELECT {VersionColumns}, seq = MAX(seq) OVER (PARTITION BY key) FROM object_versions WHERE bucket = $p0 AND substr(key, 1, length($p1)) = $p1 ORDER BY key, seq DESC",
            reader => new ObjectVersionInfo(ReadInfo(reader), reader.GetBoolean(6)),
            bucket, prefix ?? string.Empty);
        return Task.FromResult<IReadOnlyList<ObjectVersionInfo>>(versions);
    }

    private static ObjectInfo ReadInfo(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetString(4), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)));

    private static BucketNotification? FindBucket(SqliteConnection connection, SqliteTransaction transaction, string bucket)
    {
        var rows = connection.Query(
            transaction,
            "SELECT notification_queue, notification_id FROM buckets WHERE name = $p0",
            reader => reader.GetNullableString(0) is { } queue ? new BucketNotification(queue, reader.GetString(1)) : null,
            bucket);
        return rows.Count == 1 ? rows[0] : throw new NoSuchBucketException(bucket);
    }

    /// <summary>The pinned version, or else the current one; either way its ETag must be the one the caller expects.</summary>
    private ObjectInfo Resolve(FileRef file)
    {
        var rows = FindVersion(file);
        if (rows.Count == 0)
        {
            throw new ObjectNotFoundException(file.VersionId is null
                ? $"s3://{file.Bucket}/{file.Key} does not exist."
                : $"Version {file.VersionId} of s3://{file.Bucket}/{file.Key} does not exist.");
        }

        var info = rows[0];
        if (!string.Equals(info.ETag, file.ETag.Trim('"'), StringComparison.OrdinalIgnoreCase))
        {
            throw new ObjectChangedException($"s3://{file.Bucket}/{file.Key} has changed: its ETag is {info.ETag}, expected {file.ETag}.");
        }

        return info;
    }

    private List<ObjectInfo> FindVersion(FileRef file)
    {
        try
        {
            using var connection = database.Open();
            return file.VersionId is { } versionId
                ? connection.Query(null, $"SELECT {VersionColumns} FROM object_versions WHERE bucket = $p0 AND key = $p1 AND version_id = $p2", ReadInfo, file.Bucket, file.Key, versionId)
                : connection.Query(null, $"SELECT {VersionColumns} FROM object_versions WHERE bucket = $p0 AND key = $p1 ORDER BY seq DESC LIMIT 1", ReadInfo, file.Bucket, file.Key);
        }
        catch (SqliteException e)
        {
            // A locked or busy database is worth a retry; the port's callers retry StorageUnavailable.
            throw new StorageUnavailableException($"The object store could not look up s3://{file.Bucket}/{file.Key}: {e.Message}", e);
        }
    }

    private FileStream OpenVersion(ObjectInfo info)
    {
        try
        {
            return new FileStream(files.PathOf(info.VersionId!), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81_920, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectNotFoundException($"Version {info.VersionId} of s3://{info.Bucket}/{info.Key} was deleted.", e);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketName();
}
