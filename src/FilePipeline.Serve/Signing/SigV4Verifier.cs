using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FilePipeline.Serve.Signing;

/// <summary>
/// Checks a SigV4 signature against the one configured key pair: rebuilds the canonical request
/// from what arrived, signs it with the secret, and compares. Failures carry the error code and
/// status the service in question answers with.
/// </summary>
public sealed class SigV4Verifier(string accessKeyId, string secretAccessKey, TimeProvider time)
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    /// <param name="payloadHash">The hex SHA-256 of the body, or the literal S3 sent in x-amz-content-sha256 (UNSIGNED-PAYLOAD, STREAMING-…).</param>
    /// <exception cref="AwsErrorException">The request is unsigned, signed with another key, stale, expired, or its signature does not match.</exception>
    public void Verify(HttpRequest request, SignedRequest? signature, AwsService service, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (signature is null)
        {
            throw service == AwsService.S3
                ? new AwsErrorException("AccessDenied", "Anonymous access is not allowed: sign requests with the serve credentials (docs/serve.md).", 403)
                : new AwsErrorException("MissingAuthenticationTokenException", "Request is missing Authentication Token", 400);
        }

        if (!string.Equals(signature.AccessKeyId, accessKeyId, StringComparison.Ordinal))
        {
            throw service switch
            {
                AwsService.S3 => new AwsErrorException("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403),
                AwsService.SqsJson or AwsService.SqsQuery => new AwsErrorException("InvalidClientTokenId", "The security token included in the request is invalid.", 403),
                _ => new AwsErrorException("UnrecognizedClientException", "The security token included in the request is invalid.", 400),
            };
        }

        if (!DateTimeOffset.TryParseExact(signature.AmzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            throw new AwsErrorException("AuthorizationHeaderMalformed", $"X-Amz-Date '{signature.AmzDate}' is not in the ISO 8601 basic format.", 400);
        }

        var now = time.GetUtcNow();
        if (signature.Expires is { } expires ? now > signedAt + expires : (now - signedAt).Duration() > AllowedSkew)
        {
            throw signature.IsPresigned
                ? new AwsErrorException("AccessDenied", "Request has expired", 403)
                : service == AwsService.S3
                    ? new AwsErrorException("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403)
                    : new AwsErrorException(service is AwsService.SqsJson or AwsService.SqsQuery ? "SignatureDoesNotMatch" : "InvalidSignatureException", "Signature expired: the request time is more than 15 minutes from the server time.", service is AwsService.SqsJson or AwsService.SqsQuery ? 403 : 400);
        }

        var canonical = CanonicalRequest(request, signature, service, payloadHash);
        var stringToSign = $"{SignedRequest.Algorithm}\n{signature.AmzDate}\n{signature.Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var expected = Hex(HMACSHA256.HashData(SigningKey(signature), Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.Signature)))
        {
            var message = "The request signature we calculated does not match the signature you provided. Check your key and signing method.";
            throw service switch
            {
                AwsService.S3 or AwsService.SqsJson or AwsService.SqsQuery => new AwsErrorException("SignatureDoesNotMatch", message, 403),
                _ => new AwsErrorException("InvalidSignatureException", message, 400),
            };
        }
    }

    /// <summary>The key that signs this request's string to sign (and an aws-chunked body's chunks).</summary>
    public byte[] SigningKey(SignedRequest signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(signature.Date));
        foreach (var part in new[] { signature.Region, signature.Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return key;
    }

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    private static string CanonicalRequest(HttpRequest request, SignedRequest signature, AwsService service, string payloadHash)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.PathBase + request.Path + request.QueryString);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];

        // S3 signs the path encoded once; every other service signs it encoded twice.
        var path = UriEncoding.Encode(Uri.UnescapeDataString(rawPath), keepSlash: true);
        if (service != AwsService.S3)
        {
            path = UriEncoding.Encode(path, keepSlash: true);
        }

        var query = string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(pair => (Name: UriEncoding.Encode(Uri.UnescapeDataString(pair[0]), keepSlash: false), Value: pair.Length == 2 ? UriEncoding.Encode(Uri.UnescapeDataString(pair[1]), keepSlash: false) : string.Empty))
            .Where(pair => !(signature.IsPresigned && pair.Name == "X-Amz-Signature"))
            .OrderBy(pair => pair.Name, StringComparer.Ordinal).ThenBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(pair => pair.Name + "=" + pair.Value));

        var headers = new StringBuilder();
        foreach (var name in signature.SignedHeaders)
        {
            var values = request.Headers[name].Select(value => string.Join(' ', (value ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            headers.Append(name).Append(':').Append(string.Join(',', values)).Append('\n');
        }

        return $"{request.Method}\n{path}\n{query}\n{headers}\n{string.Join(';', signature.SignedHeaders)}\n{payloadHash}";
    }
}
