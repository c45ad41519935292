using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Prints ledger records as a table or JSON lines.</summary>
internal static class LedgerReport
{
    public static string StatusName(FileStatus status) => status.ToString().ToUpperInvariant();

    public static void Write(TextWriter output, IEnumerable<FileRecord> records, bool json)
    {
        var ordered = records.OrderBy(r => r.FirstSeenAt).ThenBy(r => r.FileId, StringComparer.Ordinal).ToList();
        if (json)
        {
            foreach (var record in ordered)
            {
                output.WriteLine(ToJson(record).ToJsonString());
            }

            return;
        }

        if (ordered.Count == 0)
        {
            output.WriteLine("(no files in the ledger)");
            return;
        }

        TextTable.Write(
            output,
            ["FILE ID", "STATUS", "ROWS", "ATTEMPTS", "UPDATED", "REASON / LAST ERROR"],
            ordered.Select(r => (IReadOnlyList<string>)
            [
                r.FileId,
                StatusName(r.Status),
                r.RowCount?.ToString(CultureInfo.InvariantCulture) ?? "-",
                r.Attempts.ToString(CultureInfo.InvariantCulture),
                r.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                OneLine(r.Reason ?? r.LastError ?? ""),
            ]));
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static JsonObject ToJson(FileRecord r) => new()
    {
        ["fileId"] = r.FileId,
        ["bucket"] = r.Bucket,
        ["key"] = r.Key,
        ["fileName"] = r.FileName,
        ["versionId"] = r.VersionId,
        ["eTag"] = r.ETag,
        ["sizeBytes"] = r.SizeBytes,
        ["status"] = StatusName(r.Status),
        ["rowCount"] = r.RowCount,
        ["columnCount"] = r.ColumnCount,
        ["checksum"] = r.Checksum,
        ["attempts"] = r.Attempts,
        ["claimedBy"] = r.ClaimedBy,
        ["leaseUntil"] = r.LeaseUntil,
        ["firstSeenAt"] = r.FirstSeenAt,
        ["updatedAt"] = r.UpdatedAt,
        ["processedAt"] = r.ProcessedAt,
        ["reason"] = r.Reason,
        ["lastError"] = r.LastError,
    };
}
