using FilePipeline.Core.Ports;

namespace FilePipeline.Serve.S3;

/// <summary>One page of ListObjects: keys after the marker, rolled up into common prefixes at the delimiter, up to max-keys entries.</summary>
public sealed record ObjectListing(IReadOnlyList<ObjectInfo> Contents, IReadOnlyList<string> CommonPrefixes, string? NextMarker)
{
    /// <param name="objects">The current versions in key order.</param>
    public static ObjectListing Of(IEnumerable<ObjectInfo> objects, string prefix, string delimiter, string marker, int maxKeys)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var contents = new List<ObjectInfo>();
        var prefixes = new List<string>();
        string? last = null;
        foreach (var info in objects)
        {
            var key = info.Key;
            if (string.CompareOrdinal(key, marker) <= 0 || (marker.Length > 0 && delimiter.Length > 0 && marker.EndsWith(delimiter, StringComparison.Ordinal) && key.StartsWith(marker, StringComparison.Ordinal)))
            {
                continue;
            }

            var cut = delimiter.Length == 0 ? -1 : key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
            var common = cut < 0 ? null : key[..(cut + delimiter.Length)];
            if (common is not null && prefixes.Count > 0 && prefixes[^1] == common)
            {
                continue;
            }

            if (contents.Count + prefixes.Count == maxKeys)
            {
                return new ObjectListing(contents, prefixes, last);
            }

            if (common is null)
            {
                contents.Add(info);
                last = key;
            }
            else
            {
                prefixes.Add(common);
                last = common;
            }
        }

        return new ObjectListing(contents, prefixes, null);
    }
}
