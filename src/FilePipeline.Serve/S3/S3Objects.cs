using System.Globalization;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Objects;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>PutObject, GetObject and HeadObject (versionId, Range, conditional headers) and DeleteObject.</summary>
public sealed class S3Objects(EmbeddedObjectStore store, string bucketName)
{
    /// <summary>Streams the body into the store; the store commits the version with its ObjectCreated:Put event, which starts the pipeline.</summary>
    public async Task PutAsync(HttpContext context, string key, Stream body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ObjectInfo info;
        await using (body)
        {
            try
            {
                info = await store.PutAsync(bucketName, key, body, context.RequestAborted);
            }
            catch (ObjectKeyRejectedException e)
            {
                throw S3Errors.InvalidArgument(e.Message);
            }
        }

        WriteVersionHeaders(context.Response, info);
    }

    public async Task GetAsync(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        var versionId = request.Query["versionId"].ToString();
        var info = await FindAsync(key, versionId.Length == 0 ? null : versionId, context.RequestAborted);
        if (Preconditions.Check(request, info) is { } notModified)
        {
            WriteVersionHeaders(response, info);
            response.StatusCode = notModified;
            return;
        }

        var range = ByteRange.Parse(request.Headers.Range.ToString(), info.Size);
        var (offset, length) = range ?? (0, info.Size);
        WriteVersionHeaders(response, info);
        response.Headers.LastModified = info.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = "binary/octet-stream";
        response.ContentLength = length;
        if (range is not null)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {offset}-{offset + length - 1}/{info.Size}";
        }

        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        await using var stored = await store.OpenReadAsync(new FileRef(info.Bucket, info.Key, info.ETag, info.VersionId), context.RequestAborted);
        stored.Content.Seek(offset, SeekOrigin.Begin);
        await StreamCopy.CopyAsync(stored.Content, response.Body, length, context.RequestAborted);
    }

    /// <summary>DeleteObject: one version with versionId; without, every version (this store keeps no delete markers).</summary>
    public async Task DeleteAsync(HttpContext context, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var versionId = context.Request.Query["versionId"].ToString();
        await store.DeleteObjectAsync(bucketName, key, versionId.Length == 0 ? null : versionId, context.RequestAborted);
        if (versionId.Length > 0)
        {
            context.Response.Headers["x-amz-version-id"] = versionId;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task<ObjectInfo> FindAsync(string key, string? versionId, CancellationToken cancellationToken)
    {
        var versions = await store.ListObjectVersionsAsync(bucketName, key, cancellationToken);
        var match = versions.FirstOrDefault(version => version.Info.Key == key && (versionId is null || version.Info.VersionId == versionId));
        return match?.Info ?? throw (versionId is null ? S3Errors.NoSuchKey(key) : S3Errors.NoSuchVersion(versionId));
    }

    private static void WriteVersionHeaders(HttpResponse response, ObjectInfo info)
    {
        response.Headers.ETag = S3Xml.Quoted(info.ETag);
        if (info.VersionId is { } versionId)
        {
            response.Headers["x-amz-version-id"] = versionId;
        }
    }
}
