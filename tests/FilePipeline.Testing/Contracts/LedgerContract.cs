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

    [Fact]
    public async Task An_accepted_upload_reads_back_as_PROCESSING_without_a_claim_and_is_recorded_once()
    {
        var accepted = Accepted("uploads/acc.csv@0d");

        Assert.True(await Ledger.TryRecordAcceptedAsync(accepted, CancellationToken.None));
        Assert.False(await Ledger.TryRecordAcceptedAsync(accepted with { SizeBytes = 99 }, CancellationToken.None));

        var read = await Ledger.GetAsync(accepted.FileId, CancellationToken.None);
        Assert.Equal(accepted, read);
        Assert.Equal((FileStatus.Processing, 0, null, null), (read!.Status, read.Attempts, read.ClaimedBy, read.LeaseUntil));
    }

    [Fact]
    public async Task A_failure_is_recorded_on_an_unclaimed_own_or_expired_claim_and_on_an_earlier_failure()
    {
        var at = Now.ToUnixTimeSeconds();
        FileRecord[] records =
        [
            Accepted("uploads/unclaimed.csv@01"),
            Accepted("uploads/own.csv@02") with { ClaimedBy = "arn:exec:own-r2", ClaimMessageId = "own", LeaseUntil = at + 300, Attempts = 3 },
            Accepted("uploads/expired.csv@03") with { ClaimedBy = "arn:exec:old", LeaseUntil = at - 1, Attempts = 2 },
            Accepted("uploads/failed.csv@04") with { Status = FileStatus.Failed, ClaimedBy = "arn:exec:old", LastError = "Old: error", Attempts = 1 },
        ];
        foreach (var record in records)
        {
            await WriteAsync(record);
        }

        foreach (var record in records)
        {
            Assert.True(await Ledger.TryRecordFailedAsync(record.FileId, "States.Timeout: Execution timed out.", "own", Now.AddSeconds(5), CancellationToken.None), record.FileId);
            var read = await Ledger.GetAsync(record.FileId, CancellationToken.None);
            Assert.Equal(record with { Status = FileStatus.Failed, LastError = "States.Timeout: Execution timed out.", LeaseUntil = null, UpdatedAt = Now.AddSeconds(5) }, read);
        }
    }

    [Fact]
    public async Task A_failure_is_not_recorded_over_an_outcome_a_live_claim_of_another_execution_or_a_missing_record()
    {
        var at = Now.ToUnixTimeSeconds();
        FileRecord[] records =
        [
            Accepted("uploads/processed.csv@01") with { Status = FileStatus.Processed, RowCount = 3 },
            Rejected("uploads/rejected.csv@02"),
            Accepted("uploads/held.csv@03") with { ClaimedBy = "arn:exec:other-r1", ClaimMessageId = "other", LeaseUntil = at + 300, Attempts = 1 },
        ];
        foreach (var record in records)
        {
            await WriteAsync(record);
        }

        foreach (var record in records)
        {
            Assert.False(await Ledger.TryRecordFailedAsync(record.FileId, "X: y", "own", Now, CancellationToken.None), record.FileId);
            Assert.Equal(record, await Ledger.GetAsync(record.FileId, CancellationToken.None));
        }

        Assert.False(await Ledger.TryRecordFailedAsync("uploads/never.csv@05", "X: y", null, Now, CancellationToken.None));
        Assert.Null(await Ledger.GetAsync("uploads/never.csv@05", CancellationToken.None));
    }

    private static FileRecord Accepted(string fileId) => Rejected(fileId) with { Status = FileStatus.Processing, Attempts = 0, Reason = null };

    protected static FileRecord Rejected(string fileId)
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
