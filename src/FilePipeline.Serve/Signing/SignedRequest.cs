using System.Globalization;
using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Signing;

/// <summary>A request's SigV4 signature as it was sent: in the Authorization header or as a presigned URL's query parameters.</summary>
public sealed record SignedRequest(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature,
    string AmzDate,
    TimeSpan? Expires)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public bool IsPresigned => Expires is not null;

    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    /// <summary>The signature of the request, or null when it carries none.</summary>
    /// <exception cref="AwsErrorException">The request is signed some other way, or its signature is malformed.</exception>
    public static SignedRequest? Parse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return FromHeader(request, authorization);
        }

        return request.Query.ContainsKey("X-Amz-Signature") ? FromQuery(request.Query) : null;
    }

    private static SignedRequest FromHeader(HttpRequest request, string authorization)
    {
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            throw Malformed("Only AWS4-HMAC-SHA256 (SigV4) signatures are supported.");
        }

        var fields = authorization[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length == 0 && DateTimeOffset.TryParse(request.Headers.Date.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            amzDate = date.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        }

        return Build(Field(fields, "Credential"), Field(fields, "SignedHeaders"), Field(fields, "Signature"), amzDate, expires: null);
    }

    private static SignedRequest FromQuery(IQueryCollection query)
    {
        if (query["X-Amz-Algorithm"].ToString() != Algorithm)
        {
            throw Malformed("X-Amz-Algorithm must be AWS4-HMAC-SHA256.");
        }

        if (!int.TryParse(query["X-Amz-Expires"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 604_800)
        {
            throw Malformed("X-Amz-Expires must be a number of seconds from 1 to 604800.");
        }

        return Build(query["X-Amz-Credential"].ToString(), query["X-Amz-SignedHeaders"].ToString(), query["X-Amz-Signature"].ToString(), query["X-Amz-Date"].ToString(), TimeSpan.FromSeconds(seconds));
    }

    private static SignedRequest Build(string credential, string signedHeaders, string signature, string amzDate, TimeSpan? expires)
    {
        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request" || signedHeaders.Length == 0 || signature.Length == 0 || amzDate.Length == 0)
        {
            throw Malformed("The SigV4 credential, signed headers, signature or date is missing or malformed.");
        }

        return new SignedRequest(scope[0], scope[1], scope[2], scope[3], signedHeaders.Split(';'), signature, amzDate, expires);
    }

    private static string Field(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : throw Malformed($"The Authorization header lacks {name}.");

    private static AwsErrorException Malformed(string message) => new("AuthorizationHeaderMalformed", message);
}
