using System.Text;
using System.Text.Unicode;
using FilePipeline.Core.Text;

namespace FilePipeline.Core.Uploads;

/// <summary>
/// What an upload must satisfy before it is queued: checked from the event alone
/// (<see cref="CheckObject"/>) and from its first bytes (<see cref="CheckPrefix"/>).
/// </summary>
public sealed record UploadRules
{
    /// <summary>S3's own limit on key length, in UTF-8 bytes.</summary>
    public const int MaxKeyBytes = 1024;

    /// <summary>Key endings accepted, compared ignoring case.</summary>
    public IReadOnlyList<string> AllowedSuffixes { get; init; } = [".csv"];

    /// <summary>The largest object accepted, in bytes.</summary>
    public long MaxSizeBytes { get; init; } = 1L << 30;

    /// <summary>How many leading bytes <see cref="CheckPrefix"/> is given to sniff.</summary>
    public int SniffBytes { get; init; } = 4096;

    /// <summary>The default rules.</summary>
    public static UploadRules Default { get; } = new();

    /// <summary>Checks what the event tells of the object; null when it is acceptable.</summary>
    public UploadRejection? CheckObject(string key, long size)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.EndsWith('/'))
        {
            return new(UploadRejectionCodes.FolderMarker, $"'{key}' is a folder marker, not a file. Upload a file into the folder instead.");
        }

        var keyBytes = Encoding.UTF8.GetByteCount(key);
        if (keyBytes > MaxKeyBytes)
        {
            return new(UploadRejectionCodes.KeyTooLong, $"The key is {keyBytes} bytes long; S3 allows at most {MaxKeyBytes}. Use a shorter name or folder path.");
        }

        if (!AllowedSuffixes.Any(suffix => key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            return new(UploadRejectionCodes.UnsupportedSuffix, $"'{key}' does not end in {string.Join(" or ", AllowedSuffixes)}. Export the data as CSV and upload it with that suffix.");
        }

        if (size <= 0)
        {
            return new(UploadRejectionCodes.Empty, "The file is empty. Upload a CSV with at least a header line.");
        }

        if (size > MaxSizeBytes)
        {
            return new(UploadRejectionCodes.TooLarge, $"The file is {size} bytes; the limit is {MaxSizeBytes} bytes. Split it into smaller files.");
        }

        return null;
    }

    /// <summary>
    /// Sniffs the first bytes of the object (at most <see cref="SniffBytes"/> are looked at);
    /// null when they look like UTF-8 text. A character cut off by the end of the prefix is not an error.
    /// </summary>
    public UploadRejection? CheckPrefix(ReadOnlySpan<byte> prefix)
    {
        prefix = prefix[..Math.Min(prefix.Length, SniffBytes)];
        var nul = prefix.IndexOf((byte)0);
        if (nul >= 0)
        {
            return new(UploadRejectionCodes.Binary, $"The file holds a NUL byte at offset {nul}, so it is binary, not CSV text. Export the data as CSV and upload that.");
        }

        var complete = prefix[..(prefix.Length - Utf8Sequences.IncompleteTailLength(prefix))];
        if (!Utf8.IsValid(complete))
        {
            var offset = Utf8Sequences.FirstInvalidIndex(complete);
            return new(UploadRejectionCodes.NotUtf8, $"The file is not UTF-8 text (invalid byte at offset {offset}). Save or export it as UTF-8 CSV.");
        }

        return null;
    }
}
