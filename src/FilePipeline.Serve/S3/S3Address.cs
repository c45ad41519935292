using FilePipeline.Serve.Signing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FilePipeline.Serve.S3;

/// <summary>
/// The bucket and key a request names: virtual-hosted (<c>bucket.localhost</c>, <c>bucket.s3.…</c>)
/// when the host starts with a bucket label, path-style (<c>/bucket/key</c>) otherwise.
/// </summary>
public sealed record S3Address(string? Bucket, string? Key)
{
    public static S3Address Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.ToString();
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(queryStart < 0 ? rawTarget : rawTarget[..queryStart]).TrimStart('/');
        var host = request.Host.Host;
        var virtualBucket = VirtualHostedBucket(host);
        if (virtualBucket is not null)
        {
            return new S3Address(virtualBucket, path.Length == 0 ? null : path);
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return path.Length == 0 ? new S3Address(null, null)
            : slash < 0 ? new S3Address(path, null)
            : new S3Address(path[..slash], slash == path.Length - 1 ? null : path[(slash + 1)..]);
    }

    private static string? VirtualHostedBucket(string host)
    {
        foreach (var marker in new[] { ".s3.", ".s3-", ".localhost" })
        {
            var at = host.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && !host.StartsWith("s3.", StringComparison.OrdinalIgnoreCase))
            {
                return host[..at];
            }
        }

        return null;
    }

    /// <summary>The key as S3 puts it in a URL (Location headers), every segment encoded.</summary>
    public static string EncodeKey(string key) => UriEncoding.Encode(key, keepSlash: true);
}
