using System.Security.Cryptography;
using System.Text;

namespace FilePipeline.Aws.Protocol;

/// <summary>
/// AWS Signature Version 4 for header-signed requests (the JSON protocols this project speaks).
/// Kept to what <see cref="AwsJsonClient"/> needs; the S3/SQS/DynamoDB SDK clients sign their own.
/// </summary>
public static class SigV4Signer
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The hex SHA-256 of the empty payload.</summary>
    public static readonly string EmptyPayloadHash = HashHex([]);

    /// <summary>
    /// Returns the <c>Authorization</c> header value for a request whose headers (including
    /// <c>host</c> and <c>x-amz-date</c>) are all signed.
    /// </summary>
    public static string CreateAuthorization(SigV4Request request, SigV4Credentials credentials, SigV4Scope scope)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(scope);
        var (canonicalRequest, signedHeaders) = CanonicalRequest(request);
        var stringToSign = string.Join('\n', Algorithm, scope.AmzDate, scope.CredentialScope, HashHex(Encoding.UTF8.GetBytes(canonicalRequest)));
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey(credentials.SecretAccessKey, scope), Encoding.UTF8.GetBytes(stringToSign)));
        return $"{Algorithm} Credential={credentials.AccessKeyId}/{scope.CredentialScope}, SignedHeaders={signedHeaders}, Signature={signature}";
    }

    public static string HashHex(ReadOnlySpan<byte> payload) => Convert.ToHexStringLower(SHA256.HashData(payload));

    internal static (string CanonicalRequest, string SignedHeaders) CanonicalRequest(SigV4Request request)
    {
        var headers = request.Headers
            .GroupBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Value: string.Join(',', g.Select(h => CollapseSpaces(h.Value)))))
            .ToList();
        var signedHeaders = string.Join(';', headers.Select(h => h.Name));
        var builder = new StringBuilder()
            .Append(request.Method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(request.Uri)).Append('\n')
            .Append(CanonicalQuery(request.Uri)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(request.PayloadHash);
        return (builder.ToString(), signedHeaders);
    }

    private static byte[] SigningKey(string secretAccessKey, SigV4Scope scope)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(scope.Date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(scope.Service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    // Each segment is RFC 3986-encoded once; the JSON protocols only ever post to "/".
    private static string CanonicalPath(Uri uri)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        return path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                return (Name: Uri.EscapeDataString(Uri.UnescapeDataString(name)), Value: Uri.EscapeDataString(Uri.UnescapeDataString(value)));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    private static string CollapseSpaces(string value)
    {
        var trimmed = value.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var previousWasSpace = false;
        foreach (var c in trimmed)
        {
            var isSpace = c == ' ';
            if (!isSpace || !previousWasSpace)
            {
                builder.Append(c);
            }

            previousWasSpace = isSpace;
        }

        return builder.ToString();
    }
}
