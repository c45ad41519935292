using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.S3;

/// <summary>
/// <see cref="IObjectStore"/> over S3. Every read names the exact bytes: the pinned version when
/// the event carried one, and always <c>If-Match</c> with the event's ETag, so a changed object
/// is a 412 (<see cref="ObjectChangedException"/>) rather than silently different content.
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 s3) : IObjectStore
{
    public async Task<StoredObject> OpenReadAsync(FileRef file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var response = await GetAsync(file, range: null, cancellationToken).ConfigureAwait(false);
        return new StoredObject(InfoOf(file, response, response.ContentLength), response.ResponseStream);
    }

    public async Task<ReadOnlyMemory<byte>> ReadPrefixAsync(FileRef file, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        GetObjectResponse response;
        try
        {
            response = await GetAsync(file, new ByteRange(0, count - 1), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // S3 answers any range on an empty object with 416 InvalidRange; the object exists and has no bytes.
            return ReadOnlyMemory<byte>.Empty;
        }

        using (response)
        {
            var buffer = new byte[Math.Min(count, Math.Max(response.ContentLength, 0))];
            var read = await response.ResponseStream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return buffer.AsMemory(0, read);
        }
    }

    public async Task<ObjectInfo> PutAsync(string bucket, string key, Stream content, CancellationToken cancellationToken)
    {
        try
        {
            var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, AutoCloseStream = false }, cancellationToken).ConfigureAwait(false);
            // Size and LastModified are not in the PutObject response; HEAD the version just written.
            var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key, VersionId = put.VersionId }, cancellationToken).ConfigureAwait(false);
            return new ObjectInfo(bucket, key, NormalizeETag(put.ETag), head.ContentLength, put.VersionId, head.LastModified ?? throw MissingLastModified());
        }
        catch (Exception e) when (AwsErrorTranslation.IsTransient(e))
        {
            throw AwsErrorTranslation.Unavailable($"PutObject s3://{bucket}/{key}", e);
        }
    }

    /// <summary>S3 quotes ETags; the pipeline's identity uses them bare and lower case.</summary>
    public static string NormalizeETag(string eTag) => eTag.Trim('"').ToLowerInvariant();

    private async Task<GetObjectResponse> GetAsync(FileRef file, ByteRange? range, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = file.Bucket,
            Key = file.Key,
            VersionId = file.VersionId,
            EtagToMatch = $"\"{file.ETag}\"",
            ByteRange = range,
        };
        try
        {
            return await s3.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.PreconditionFailed || e.ErrorCode == "PreconditionFailed")
        {
            throw new ObjectChangedException($"s3://{file.Bucket}/{file.Key} changed after upload: its ETag is no longer {file.ETag}.", e);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NoSuchVersion" or "NoSuchBucket")
        {
            var what = file.VersionId is null ? $"s3://{file.Bucket}/{file.Key}" : $"s3://{file.Bucket}/{file.Key} version {file.VersionId}";
            throw new ObjectNotFoundException($"{what} does not exist.", e);
        }
        catch (AmazonS3Exception e) when (file.VersionId is not null && e.ErrorCode == "InvalidArgument")
        {
            // A version id S3 cannot parse names no version it could ever have.
            throw new ObjectNotFoundException($"s3://{file.Bucket}/{file.Key} has no version {file.VersionId}.", e);
        }
        catch (Exception e) when (e is not AmazonS3Exception { StatusCode: HttpStatusCode.RequestedRangeNotSatisfiable } && AwsErrorTranslation.IsTransient(e))
        {
            throw AwsErrorTranslation.Unavailable($"GetObject s3://{file.Bucket}/{file.Key}", e);
        }
    }

    private static ObjectInfo InfoOf(FileRef file, GetObjectResponse response, long size) =>
        new(file.Bucket, file.Key, NormalizeETag(response.ETag), size, response.VersionId, response.LastModified ?? throw MissingLastModified());

    private static InvalidOperationException MissingLastModified() => new("S3 returned no Last-Modified header.");
}
