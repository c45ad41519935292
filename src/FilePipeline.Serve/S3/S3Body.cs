using FilePipeline.Serve.Signing;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>Opens an upload's body as the bytes of the object: aws-chunked decoded, and every declared hash and length checked as it streams.</summary>
public static class S3Body
{
    public const string ContentSha256Header = "x-amz-content-sha256";

    private static readonly string[] ChecksumHeaders = ["x-amz-checksum-crc32", "x-amz-checksum-sha256"];

    public static Stream Open(HttpRequest request, SignedRequest? signature, SigV4Verifier verifier, out PayloadChecks checks)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(verifier);
        var payloadHash = PayloadHash(request);
        var md5 = Header(request, "Content-MD5");
        var trailer = Header(request, "x-amz-trailer");
        var checksumHeader = Array.Find(ChecksumHeaders, name => request.Headers.ContainsKey(name));
        var checksumName = trailer ?? checksumHeader;
        var checksumValue = trailer is null && checksumHeader is not null ? Header(request, checksumHeader) : null;
        if (payloadHash.StartsWith("STREAMING-", StringComparison.Ordinal))
        {
            long? decoded = long.TryParse(Header(request, "x-amz-decoded-content-length"), out var length) ? length : null;
            checks = new PayloadChecks(null, md5, decoded, checksumName, checksumValue);
            var signed = payloadHash.StartsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", StringComparison.Ordinal) && signature is not null
                ? new ChunkSignatures(verifier.SigningKey(signature), signature.AmzDate, signature.Scope, signature.Signature)
                : null;
            return new AwsChunkedStream(request.Body, signed, checks);
        }

        var sha256 = payloadHash.Length == 64 ? payloadHash : null;
        checks = new PayloadChecks(sha256, md5, request.ContentLength, checksumName, checksumValue);
        return new PayloadVerifyingStream(request.Body, checks);
    }

    /// <summary>What the signature covers for the body: the x-amz-content-sha256 header, else (presigned URLs) UNSIGNED-PAYLOAD.</summary>
    public static string PayloadHash(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Header(request, ContentSha256Header) ?? "UNSIGNED-PAYLOAD";
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;
}
