using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Core.Ledger;

/// <summary>
/// The DynamoDB item of a <see cref="FileRecord"/> in DynamoDB's JSON (typed attribute values),
/// shared by the embedded table and the AWS adapter so both store exactly the same item.
/// Attribute names are architecture.md §2's; status is upper case, timestamps ISO-8601 UTC strings,
/// numbers N; absent optional values are left out rather than stored as NULL.
/// </summary>
public static class FileRecordItem
{
    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Each status's stored name, indexed by its value (0, 1, 2, 3): a listing names one per record.</summary>
    private static readonly string[] StatusNames = [.. Enum.GetValues<FileStatus>().Select(status => status.ToString().ToUpperInvariant())];

    public static JsonObject ToItem(FileRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var item = new JsonObject
        {
            ["fileId"] = S(record.FileId),
            ["bucket"] = S(record.Bucket),
            ["key"] = S(record.Key),
            ["fileName"] = S(record.FileName),
            ["eTag"] = S(record.ETag),
            ["sizeBytes"] = N(record.SizeBytes),
            ["status"] = S(StatusName(record.Status)),
            ["attempts"] = N(record.Attempts),
            ["firstSeenAt"] = S(FormatTimestamp(record.FirstSeenAt)),
            ["updatedAt"] = S(FormatTimestamp(record.UpdatedAt)),
        };
        AddIfPresent(item, "versionId", record.VersionId);
        AddIfPresent(item, "rowCount", record.RowCount);
        AddIfPresent(item, "columnCount", record.ColumnCount);
        AddIfPresent(item, "checksum", record.Checksum);
        AddIfPresent(item, "claimedBy", record.ClaimedBy);
        AddIfPresent(item, "claimMessageId", record.ClaimMessageId);
        AddIfPresent(item, "leaseUntil", record.LeaseUntil);
        AddIfPresent(item, "processedAt", record.ProcessedAt is { } processedAt ? FormatTimestamp(processedAt) : null);
        AddIfPresent(item, "reason", record.Reason);
        AddIfPresent(item, "lastError", record.LastError);
        return item;
    }

    /// <summary>Reads an item written by the pipeline or the state machine; missing counters read as zero.</summary>
    /// <exception cref="FormatException">A required attribute is missing or has the wrong type.</exception>
    public static FileRecord FromItem(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            item.WriteTo(writer);
        }

        return FromItem(buffer.WrittenSpan);
    }

    /// <summary>Reads an item from its DynamoDB JSON text (UTF-8) as stored, without a node tree; missing counters read as zero.</summary>
    /// <exception cref="FormatException">The text is not an item, or a required attribute is missing or has the wrong type.</exception>
    public static FileRecord FromItem(ReadOnlySpan<byte> utf8Item)
    {
        var item = LedgerItemAttributes.Read(utf8Item);
        var key = RequiredString(item, LedgerAttribute.Key);
        return new FileRecord
        {
            FileId = RequiredString(item, LedgerAttribute.FileId),
            Bucket = RequiredString(item, LedgerAttribute.Bucket),
            Key = key,
            FileName = OptionalString(item, LedgerAttribute.FileName) ?? key[(key.LastIndexOf('/') + 1)..],
            VersionId = OptionalString(item, LedgerAttribute.VersionId),
            ETag = RequiredString(item, LedgerAttribute.ETag),
            SizeBytes = OptionalNumber(item, LedgerAttribute.SizeBytes) ?? 0,
            Status = ParseStatus(RequiredString(item, LedgerAttribute.Status)),
            RowCount = OptionalNumber(item, LedgerAttribute.RowCount),
            ColumnCount = OptionalNumber(item, LedgerAttribute.ColumnCount),
            Checksum = OptionalString(item, LedgerAttribute.Checksum),
            Attempts = (int)(OptionalNumber(item, LedgerAttribute.Attempts) ?? 0),
            ClaimedBy = OptionalString(item, LedgerAttribute.ClaimedBy),
            ClaimMessageId = OptionalString(item, LedgerAttribute.ClaimMessageId),
            LeaseUntil = OptionalNumber(item, LedgerAttribute.LeaseUntil),
            FirstSeenAt = OptionalTimestamp(item, LedgerAttribute.FirstSeenAt) ?? default,
            UpdatedAt = OptionalTimestamp(item, LedgerAttribute.UpdatedAt) ?? default,
            ProcessedAt = OptionalTimestamp(item, LedgerAttribute.ProcessedAt),
            Reason = OptionalString(item, LedgerAttribute.Reason),
            LastError = OptionalString(item, LedgerAttribute.LastError),
        };
    }

    /// <summary>The stored form of a status: PROCESSING, PROCESSED, REJECTED, FAILED.</summary>
    public static string StatusName(FileStatus status) => StatusNames[(int)status];

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static FileStatus ParseStatus(string text) =>
        Array.IndexOf(StatusNames, text) is var index and >= 0 ? (FileStatus)index : throw new FormatException($"Unknown ledger status '{text}'.");

    private static JsonObject S(string value) => new() { ["S"] = value };

    private static JsonObject N(long value) => new() { ["N"] = value.ToString(CultureInfo.InvariantCulture) };

    private static void AddIfPresent(JsonObject item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }

    private static void AddIfPresent(JsonObject item, string name, long? value)
    {
        if (value is { } number)
        {
            item[name] = N(number);
        }
    }

    private static string RequiredString(LedgerItemAttributes item, LedgerAttribute attribute) =>
        OptionalString(item, attribute) ?? throw new FormatException($"Ledger item lacks the string attribute '{Name(attribute)}'.");

    private static string? OptionalString(LedgerItemAttributes item, LedgerAttribute attribute) =>
        item[attribute] switch
        {
            { Type: null or "NULL" } => null,
            { Type: "S", Text: var text } => text,
            _ => throw new FormatException($"Ledger attribute '{Name(attribute)}' is not a string."),
        };

    private static long? OptionalNumber(LedgerItemAttributes item, LedgerAttribute attribute) =>
        item[attribute] switch
        {
            { Type: null or "NULL" } => null,
            { Type: "N", Text: var text } when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw new FormatException($"Ledger attribute '{Name(attribute)}' is not a whole number."),
        };

    /// <summary>Timestamps are written in <see cref="TimestampFormat"/>; read exactly first, as that is faster, then as any ISO-8601 form.</summary>
    private static DateTimeOffset? OptionalTimestamp(LedgerItemAttributes item, LedgerAttribute attribute) =>
        OptionalString(item, attribute) is { } text
            ? DateTimeOffset.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out exact)
                ? exact
                : throw new FormatException($"Ledger attribute '{Name(attribute)}' is not an ISO-8601 timestamp: '{text}'.")
            : null;

    private static string Name(LedgerAttribute attribute) => LedgerItemAttributes.NameOf(attribute);
}
