using FilePipeline.Local.Objects;
using FilePipeline.Serve.Protocol;
using FilePipeline.Serve.Signing;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>
/// S3's REST API over the embedded object store, for the pipeline's bucket: routes a request by
/// method, bucket, key and sub-resource to the bucket, object or multipart operations.
/// </summary>
public sealed class S3Endpoint(EmbeddedObjectStore store, MultipartUploadStore uploads, string bucketName, DateTimeOffset bucketCreated, SigV4Verifier verifier)
{
    private readonly S3Objects objects = new(store, bucketName);
    private readonly S3Buckets buckets = new(store, bucketName, uploads) { Created = bucketCreated };
    private readonly S3Multipart multipart = new(store, uploads);

    public Task HandleAsync(HttpContext context, SignedRequest? signature)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var address = S3Address.Of(request);
        var query = request.Query;
        var method = request.Method;
        if (address.Bucket is null)
        {
            return HttpMethods.IsGet(method) ? buckets.ListBucketsAsync(context) : throw MethodNotAllowed(method);
        }

        if (address.Bucket != bucketName)
        {
            throw S3Errors.NoSuchBucket(address.Bucket);
        }

        if (address.Key is not { } key)
        {
            return method switch
            {
                _ when HttpMethods.IsHead(method) => Task.CompletedTask,
                _ when !HttpMethods.IsGet(method) => throw MethodNotAllowed(method),
                _ when query.ContainsKey("versioning") => S3Buckets.GetVersioningAsync(context),
                _ when query.ContainsKey("location") => S3Buckets.GetLocationAsync(context),
                _ when query.ContainsKey("versions") => buckets.ListObjectVersionsAsync(context),
                _ when query.ContainsKey("uploads") => buckets.ListMultipartUploadsAsync(context),
                _ => buckets.ListObjectsV2Async(context),
            };
        }

        var uploadId = query["uploadId"].ToString();
        return method switch
        {
            _ when HttpMethods.IsPut(method) && uploadId.Length > 0 => multipart.UploadPartAsync(context, key, uploadId, S3Body.Open(request, signature, verifier, out _)),
            _ when HttpMethods.IsPut(method) && request.Headers.ContainsKey("x-amz-copy-source") => throw S3Errors.NotImplemented("CopyObject"),
            _ when HttpMethods.IsPut(method) => objects.PutAsync(context, key, S3Body.Open(request, signature, verifier, out _)),
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploads") => multipart.CreateAsync(context, bucketName, key),
            _ when HttpMethods.IsPost(method) && uploadId.Length > 0 => multipart.CompleteAsync(context, bucketName, key, uploadId),
            _ when HttpMethods.IsDelete(method) && uploadId.Length > 0 => multipart.AbortAsync(context, bucketName, key, uploadId),
            _ when HttpMethods.IsGet(method) && uploadId.Length > 0 => multipart.ListPartsAsync(context, bucketName, key, uploadId),
            _ when HttpMethods.IsGet(method) || HttpMethods.IsHead(method) => objects.GetAsync(context, key),
            _ when HttpMethods.IsDelete(method) => objects.DeleteAsync(context, key),
            _ => throw MethodNotAllowed(method),
        };
    }

    private static AwsErrorException MethodNotAllowed(string method) => new("MethodNotAllowed", $"The specified method is not allowed against this resource: {method}", 405);
}
