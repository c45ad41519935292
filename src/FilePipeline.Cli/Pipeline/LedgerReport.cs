using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Prints ledger records as a table or JSON lines.</summary>
internal static class LedgerReport
{
    /// <summary>
    /// The table's columns are as wide as the widest cell of its first this many records: the ledger is read
    /// once, in bounded memory, so a later wider cell pushes the rest of its own line to the right.
    /// </summary>
    internal const int MeasuredRecords = 1000;

    private static readonly string[] Headers = ["FILE ID", "STATUS", "ROWS", "ATTEMPTS", "UPDATED", "REASON / LAST ERROR"];

    /// <summary>Console output writes each line through at once; lines go out in blocks of about this many characters instead.</summary>
    private const int BlockChars = 64 * 1024;

    /// <summary>Streams the ledger's records (<see cref="ILedger.StreamAsync"/>'s order) in one read and constant memory.</summary>
    public static async Task WriteAsync(TextWriter output, ILedger ledger, FileStatus? status, bool json, CancellationToken cancellationToken)
    {
        var records = ledger.StreamAsync(status, cancellationToken);
        if (json)
        {
            await WriteJsonLinesAsync(output, records, cancellationToken);
        }
        else
        {
            await WriteTableAsync(output, records, cancellationToken);
        }
    }

    private static async Task WriteTableAsync(TextWriter output, IAsyncEnumerable<FileRecord> records, CancellationToken cancellationToken)
    {
        var widths = TextTable.Widths(Headers);
        var measured = new List<string[]>();
        await using var record = records.GetAsyncEnumerator(cancellationToken);
        while (measured.Count < MeasuredRecords && await record.MoveNextAsync())
        {
            var row = Row(record.Current);
            TextTable.Widen(widths, row);
            measured.Add(row);
        }

        if (measured.Count == 0)
        {
            output.WriteLine("(no files in the ledger)");
            return;
        }

        var block = new StringBuilder();
        WriteLine(output, block, TextTable.Line(Headers, widths));
        measured.ForEach(row => WriteLine(output, block, TextTable.Line(row, widths)));
        while (await record.MoveNextAsync())
        {
            WriteLine(output, block, TextTable.Line(Row(record.Current), widths));
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

    /// <summary>Writes each record's object straight to UTF-8 (no node tree), in blocks of about <see cref="BlockChars"/> bytes.</summary>
    private static async Task WriteJsonLinesAsync(TextWriter output, IAsyncEnumerable<FileRecord> records, CancellationToken cancellationToken)
    {
        var newLine = Encoding.UTF8.GetBytes(output.NewLine);
        var block = new ArrayBufferWriter<byte>(BlockChars);
        using var writer = new Utf8JsonWriter(block);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            WriteJson(writer, record);
            writer.Flush();
            writer.Reset();
            block.Write(newLine);
            if (block.WrittenCount >= BlockChars)
            {
                output.Write(Encoding.UTF8.GetString(block.WrittenSpan));
                block.ResetWrittenCount();
            }
        }

        output.Write(Encoding.UTF8.GetString(block.WrittenSpan));
    }

    private static void WriteJson(Utf8JsonWriter json, FileRecord r)
    {
        json.WriteStartObject();
        json.WriteString("fileId", r.FileId);
        json.WriteString("bucket", r.Bucket);
        json.WriteString("key", r.Key);
        json.WriteString("fileName", r.FileName);
        json.WriteString("versionId", r.VersionId);
        json.WriteString("eTag", r.ETag);
        json.WriteNumber("sizeBytes", r.SizeBytes);
        json.WriteString("status", FileRecordItem.StatusName(r.Status));
        WriteNumber(json, "rowCount", r.RowCount);
        WriteNumber(json, "columnCount", r.ColumnCount);
        json.WriteString("checksum", r.Checksum);
        json.WriteNumber("attempts", r.Attempts);
        json.WriteString("claimedBy", r.ClaimedBy);
        WriteNumber(json, "leaseUntil", r.LeaseUntil);
        json.WriteString("firstSeenAt", r.FirstSeenAt);
        json.WriteString("updatedAt", r.UpdatedAt);
        if (r.ProcessedAt is { } processedAt)
        {
            json.WriteString("processedAt", processedAt);
        }
        else
        {
            json.WriteNull("processedAt");
        }

        json.WriteString("reason", r.Reason);
        json.WriteString("lastError", r.LastError);
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
