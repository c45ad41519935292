using System.Globalization;

namespace FilePipeline.Serve.S3;

/// <summary>
/// A GetObject Range header: <c>bytes=a-b</c>, <c>bytes=a-</c> or <c>bytes=-n</c>. As S3, a header
/// it cannot use (several ranges, another unit) returns the whole object; a start past the end is InvalidRange.
/// </summary>
public static class ByteRange
{
    /// <returns>The first byte and the byte count to send; null for the whole object.</returns>
    /// <exception cref="Protocol.AwsErrorException">InvalidRange (416).</exception>
    public static (long Offset, long Length)? Parse(string header, long size)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(',', StringComparison.Ordinal))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Split('-', 2);
        if (spec.Length != 2)
        {
            return null;
        }

        var hasStart = long.TryParse(spec[0], NumberStyles.None, CultureInfo.InvariantCulture, out var first);
        var hasEnd = long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var last);
        if (!hasStart && hasEnd)
        {
            // The last n bytes.
            var suffix = Math.Min(last, size);
            return suffix == 0 ? throw S3Errors.InvalidRange(size) : (size - suffix, suffix);
        }

        if (!hasStart || (hasEnd && last < first) || (spec[1].Length > 0 && !hasEnd))
        {
            return null;
        }

        if (first >= size)
        {
            throw S3Errors.InvalidRange(size);
        }

        var end = hasEnd ? Math.Min(last, size - 1) : size - 1;
        return (first, end - first + 1);
    }
}
