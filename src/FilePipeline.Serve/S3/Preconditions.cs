using System.Globalization;
using FilePipeline.Core.Ports;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>GetObject/HeadObject's conditional headers, in S3's order of precedence (RFC 7232).</summary>
public static class Preconditions
{
    /// <returns>304 when the client's copy is current; null to send the object.</returns>
    /// <exception cref="Protocol.AwsErrorException">PreconditionFailed (412).</exception>
    public static int? Check(HttpRequest request, ObjectInfo info)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(info);
        var ifMatch = request.Headers.IfMatch.ToString();
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        var lastModified = info.LastModified.ToUnixTimeSeconds();
        if (ifMatch.Length > 0 ? !Matches(ifMatch, info.ETag) : Date(request.Headers.IfUnmodifiedSince) is { } unmodifiedSince && lastModified > unmodifiedSince)
        {
            throw S3Errors.PreconditionFailed(ifMatch.Length > 0 ? "If-Match" : "If-Unmodified-Since");
        }

        if (ifNoneMatch.Length > 0 ? Matches(ifNoneMatch, info.ETag) : Date(request.Headers.IfModifiedSince) is { } modifiedSince && lastModified <= modifiedSince)
        {
            return StatusCodes.Status304NotModified;
        }

        return null;
    }

    private static bool Matches(string header, string eTag) =>
        header.Split(',', StringSplitOptions.TrimEntries).Any(candidate =>
            candidate == "*" || string.Equals(candidate.Replace("W/", "", StringComparison.Ordinal).Trim('"'), eTag, StringComparison.OrdinalIgnoreCase));

    private static long? Date(Microsoft.Extensions.Primitives.StringValues header) =>
        DateTimeOffset.TryParse(header.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date.ToUnixTimeSeconds() : null;
}
