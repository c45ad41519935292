using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Testing.Contracts;

/// <summary>What every <see cref="ILedger"/> adapter must do; a subclass supplies the adapter and a way to write records as the state machine does.</summary>
public abstract class LedgerContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The adapter under test, over an empty table.</summary>
    protected abstract ILedger Ledger { get; }

    /// <summary>Writes a record directly into the table (PutItem of <see cref="FileRecordItem.ToItem"/>), as the state machine does.</summary>
    protected abstract Task WriteAsync(FileRecord record);

    [Fact]
    public async Task A_recorded_rejection_reads_back_as_written()
    {
        var record = Rejected("uploads/a.txt@0a");

        Assert.True(await Ledger.TryRecordRejectedAsync(record, CancellationToken.None));

        Assert.Equal(record, await Ledger.GetAsync(record.FileId, CancellationToken.None));
    }

    [Fact]
    public async Task A_second_rejection_of_the_same_file_is_refused_and_keeps_the_first()
    {
        var first = Rejected("uploads/b.txt@0b");
        await Ledger.TryRecordRejectedAsync(first, CancellationToken.None);

        Assert.False(await Ledger.TryRecordRejectedAsync(first with { Reason = "other" }, CancellationToken.None));
        Assert.Equal(first, await Ledger.GetAsync(first.FileId, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_file_reads_as_null()
    {
        Assert.Null(await Ledger.GetAsync("uploads/none@00", CancellationToken.None));
    }

    [Fact]
    public async Task Listing_returns_every_record_or_only_those_with_the_status()
    {
        await Ledger.TryRecordRejectedAsync(Rejected("uploads/c.txt@0c"), CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            await WriteAsync(Rejected($"uploads/f{i}.csv@0{i}") with { Status = i % 2 == 0 ? FileStatus.Processed : FileStatus.Failed, RowCount = i, Reason = null });
        }

        var all = await Ledger.ListAsync(null, CancellationToken.None);
        var processed = await Ledger.ListAsync(FileStatus.Processed, CancellationToken.None);

        Assert.Equal(6, all.Count);
        Assert.Equal(["uploads/c.txt@0c", "uploads/f0.csv@00", "uploads/f1.csv@01", "uploads/f2.csv@02", "uploads/f3.csv@03", "uploads/f4.csv@04"], all.Select(r => r.FileId).Order(StringComparer.Ordinal));
        Assert.Equal(["uploads/f0.csv@00", "uploads/f2.csv@02", "uploads/f4.csv@04"], processed.Select(r => r.FileId).Order(StringComparer.Ordinal));
        Assert.Equal([0L, 2L, 4L], processed.Select(r => r.RowCount ?? -1).Order());
    }

    private static FileRecord Rejected(string fileId)
    {
        var at = fileId.IndexOf('@', StringComparison.Ordinal);
        var key = fileId[(fileId.IndexOf('/', StringComparison.Ordinal) + 1)..at];
        return new FileRecord
        {
            FileId = fileId,
            Bucket = "uploads",
            Key = key,
            FileName = key,
            ETag = fileId[(at + 1)..],
            SizeBytes = 12,
            Status = FileStatus.Rejected,
            Attempts = 1,
            FirstSeenAt = Now,
            UpdatedAt = Now,
            Reason = "not a CSV file",
        };
    }
}
