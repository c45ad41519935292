using System.Globalization;
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
        var key = RequiredString(item, "key");
        return new FileRecord
        {
            FileId = RequiredString(item, "fileId"),
            Bucket = RequiredString(item, "bucket"),
            Key = key,
            FileName = OptionalString(item, "fileName") ?? key[(key.LastIndexOf('/') + 1)..],
            VersionId = OptionalString(item, "versionId"),
            ETag = RequiredString(item, "eTag"),
            SizeBytes = OptionalNumber(item, "sizeBytes") ?? 0,
            Status = ParseStatus(RequiredString(item, "status")),
            RowCount = OptionalNumber(item, "rowCount"),
            ColumnCount = OptionalNumber(item, "columnCount"),
            Checksum = OptionalString(item, "checksum"),
            Attempts = (int)(OptionalNumber(item, "attempts") ?? 0),
            ClaimedBy = OptionalString(item, "claimedBy"),
            ClaimMessageId = OptionalString(item, "claimMessageId"),
            LeaseUntil = OptionalNumber(item, "leaseUntil"),
            FirstSeenAt = OptionalTimestamp(item, "firstSeenAt") ?? default,
            UpdatedAt = OptionalTimestamp(item, "updatedAt") ?? default,
            ProcessedAt = OptionalTimestamp(item, "processedAt"),
            Reason = OptionalString(item, "reason"),
            LastError = OptionalString(item, "lastError"),
        };
    }

    /// <summary>The stored form of a status: PROCESSING, PROCESSED, REJECTED, FAILED.</summary>
    public static string StatusName(FileStatus status) => status.ToString().ToUpperInvariant();

    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static FileStatus ParseStatus(string text) =>
        Enum.TryParse<FileStatus>(text, ignoreCase: true, out var status) && string.Equals(text, StatusName(status), StringComparison.Ordinal)
            ? status
            : throw new FormatException($"Unknown ledger status '{text}'.");

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

    private static string RequiredString(JsonObject item, string name) =>
        OptionalString(item, name) ?? throw new FormatException($"Ledger item lacks the string attribute '{name}'.");

    private static string? OptionalString(JsonObject item, string name) =>
        item[name] switch
        {
            null => null,
            JsonObject { Count: 1 } value when value["S"] is JsonValue text => text.GetValue<string>(),
            JsonObject value when value["NULL"] is not null => null,
            _ => throw new FormatException($"Ledger attribute '{name}' is not a string."),
        };

    private static long? OptionalNumber(JsonObject item, string name) =>
        item[name] switch
        {
            null => null,
            JsonObject { Count: 1 } value when value["N"] is JsonValue text
                && long.TryParse(text.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
            JsonObject value when value["NULL"] is not null => null,
            _ => throw new FormatException($"Ledger attribute '{name}' is not a whole number."),
        };

    private static DateTimeOffset? OptionalTimestamp(JsonObject item, string name) =>
        OptionalString(item, name) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var timestamp)
                ? timestamp
                : throw new FormatException($"Ledger attribute '{name}' is not an ISO-8601 timestamp: '{text}'.")
            : null;
}
