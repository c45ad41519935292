using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Prints ledger records as a table or JSON lines.</summary>
internal static class LedgerReport
{
    private static readonly string[] Headers = ["FILE ID", "STATUS", "ROWS", "ATTEMPTS", "UPDATED", "REASON / LAST ERROR"];

    /// <summary>Console output writes each line through at once; lines go out in blocks of about this many characters instead.</summary>
    private const int BlockChars = 64 * 1024;

    /// <summary>
    /// Streams the ledger's records (<see cref="ILedger.StreamAsync"/>'s order) in constant memory: JSON lines as they are
    /// read; a table in two reads, the first measuring the columns, the second printing.
    /// </summary>
    public static async Task WriteAsync(TextWriter output, ILedger ledger, FileStatus? status, bool json, CancellationToken cancellationToken)
    {
        var block = new StringBuilder();
        if (json)
        {
            await foreach (var record in ledger.StreamAsync(status, cancellationToken))
            {
                WriteLine(output, block, ToJson(record).ToJsonString());
            }

            output.Write(block);
            return;
        }

        var widths = TextTable.Widths(Headers);
        var count = 0;
        await foreach (var record in ledger.StreamAsync(status, cancellationToken))
        {
            TextTable.Widen(widths, Row(record));
            count++;
        }

        if (count == 0)
        {
            output.WriteLine("(no files in the ledger)");
            return;
        }

        WriteLine(output, block, TextTable.Line(Headers, widths));
        await foreach (var record in ledger.StreamAsync(status, cancellationToken))
        {
            WriteLine(output, block, TextTable.Line(Row(record), widths));
        }

        output.Write(block);
    }

    private static void WriteLine(TextWriter output, StringBuilder block, string line)
    {
        block.Append(line).Append(output.NewLine);
        if (block.Length >= BlockChars)
        {
            output.Write(block);
            block.Clear();
        }
    }

    private static string[] Row(FileRecord r) =>
    [
        r.FileId,
        FileRecordItem.StatusName(r.Status),
        r.RowCount?.ToString(CultureInfo.InvariantCulture) ?? "-",
        r.Attempts.ToString(CultureInfo.InvariantCulture),
        r.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        OneLine(r.Reason ?? r.LastError ?? ""),
    ];

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
        ["status"] = FileRecordItem.StatusName(r.Status),
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
