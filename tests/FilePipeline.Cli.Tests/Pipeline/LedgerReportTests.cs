using System.Text.Json.Nodes;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Cli.Tests.Pipeline;

public sealed class LedgerReportTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_table_reads_the_ledger_once_and_fits_its_columns_to_the_records()
    {
        var ledger = new ListedLedger([Record("b/k.csv@1", FileStatus.Processed, rows: 12345), Record("b/a-longer-key.csv@2", FileStatus.Rejected, rows: null, reason: "EMPTY:\nno rows")]);

        var lines = await TableAsync(ledger);

        Assert.Equal(1, ledger.Reads);
        Assert.Equal(
            [
                "FILE ID               STATUS     ROWS   ATTEMPTS  UPDATED              REASON / LAST ERROR",
                "b/k.csv@1             PROCESSED  12345  1         2026-12-01 08:00:00",
                "b/a-longer-key.csv@2  REJECTED   -      1         2026-12-01 08:00:00  EMPTY: no rows",
            ],
            lines);
    }

    [Fact]
    public async Task Columns_are_measured_on_the_first_records_and_a_later_wider_cell_pushes_only_its_own_line()
    {
        var records = Enumerable.Range(0, LedgerReport.MeasuredRecords).Select(i => Record($"b/{i % 10}.csv@e", FileStatus.Processed, rows: 1)).ToList();
        var ledger = new ListedLedger([.. records, Record("b/wider.csv@e", FileStatus.Processed, rows: 1), records[0]]);

        var lines = await TableAsync(ledger);

        Assert.Equal(LedgerReport.MeasuredRecords + 3, lines.Length);
        Assert.Equal("b/wider.csv@e  PROCESSED  1     1         2026-12-01 08:00:00", lines[^2]);
        Assert.Equal(lines[1], lines[^1]);
        Assert.Equal(lines[0].IndexOf("STATUS", StringComparison.Ordinal), lines[^1].IndexOf("PROCESSED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_ledger_says_so()
    {
        Assert.Equal(["(no files in the ledger)"], await TableAsync(new ListedLedger([])));
    }

    [Fact]
    public async Task Json_lines_carry_every_field_with_absent_values_as_null_in_one_read()
    {
        var ledger = new ListedLedger([Record("b/k.csv@1", FileStatus.Rejected, rows: null, reason: "a \"quoted\" <reason> é")]);
        using var output = new StringWriter();

        await LedgerReport.WriteAsync(output, ledger, status: null, json: true, CancellationToken.None);

        Assert.Equal(1, ledger.Reads);
        var expected = new JsonObject
        {
            ["fileId"] = "b/k.csv@1", ["bucket"] = "b", ["key"] = "k.csv", ["fileName"] = "k.csv", ["versionId"] = null, ["eTag"] = "1",
            ["sizeBytes"] = 10, ["status"] = "REJECTED", ["rowCount"] = null, ["columnCount"] = null, ["checksum"] = null, ["attempts"] = 1,
            ["claimedBy"] = null, ["leaseUntil"] = null, ["firstSeenAt"] = At, ["updatedAt"] = At, ["processedAt"] = null,
            ["reason"] = "a \"quoted\" <reason> é", ["lastError"] = null,
        };
        Assert.Equal(expected.ToJsonString() + output.NewLine, output.ToString());
    }

    private static async Task<string[]> TableAsync(ILedger ledger)
    {
        using var output = new StringWriter();
        await LedgerReport.WriteAsync(output, ledger, status: null, json: false, CancellationToken.None);
        return output.ToString().Split(output.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }

    private static FileRecord Record(string fileId, FileStatus status, long? rows, string? reason = null) => new()
    {
        FileId = fileId,
        Bucket = "b",
        Key = "k.csv",
        FileName = "k.csv",
        ETag = fileId[(fileId.IndexOf('@', StringComparison.Ordinal) + 1)..],
        SizeBytes = 10,
        Status = status,
        RowCount = rows,
        Attempts = 1,
        FirstSeenAt = At,
        UpdatedAt = At,
        Reason = reason,
    };

    /// <summary>A ledger of given records that counts how often it is read; the report only lists.</summary>
    private sealed class ListedLedger(IReadOnlyList<FileRecord> records) : ILedger
    {
        public int Reads { get; private set; }

        public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken)
        {
            Reads++;
            return records.ToAsyncEnumerable();
        }

        public Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken) => throw new InvalidOperationException("The report only lists.");

        public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) => throw new InvalidOperationException("The report only lists.");

        public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => throw new InvalidOperationException("The report only lists.");

        public Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The report only lists.");
    }
}
