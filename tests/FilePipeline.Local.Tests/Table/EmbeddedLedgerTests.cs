using FilePipeline.Core.Ledger;
using FilePipeline.Local.Table;

namespace FilePipeline.Local.Tests.Table;

public sealed class EmbeddedLedgerTests : IDisposable
{
    private readonly TableFixture table = new();

    private static FileRecord Record(string id, FileStatus status) => new()
    {
        FileId = id,
        Bucket = "in",
        Key = id,
        FileName = id,
        ETag = "e",
        Status = status,
        Reason = status == FileStatus.Rejected ? "EMPTY: no rows" : null,
        FirstSeenAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task A_rejection_is_recorded_once_and_read_back()
    {
        var ledger = new EmbeddedLedger(table.Db, "Files");
        Assert.True(await ledger.TryRecordRejectedAsync(Record("a", FileStatus.Rejected), CancellationToken.None));
        Assert.False(await ledger.TryRecordRejectedAsync(Record("a", FileStatus.Rejected) with { Reason = "other" }, CancellationToken.None));

        var stored = await ledger.GetAsync("a", CancellationToken.None);
        Assert.Equal(Record("a", FileStatus.Rejected), stored);
        Assert.Null(await ledger.GetAsync("absent", CancellationToken.None));
    }

    [Fact]
    public async Task List_returns_every_record_or_those_with_the_status()
    {
        var ledger = new EmbeddedLedger(table.Db, "Files");
        for (var i = 0; i < 5; i++)
        {
            var item = FileRecordItem.ToItem(Record($"f{i}", i % 2 == 0 ? FileStatus.Processed : FileStatus.Failed));
            await table.Db.ExecuteAsync("PutItem", new() { ["TableName"] = "Files", ["Item"] = item }, CancellationToken.None);
        }

        Assert.Equal(5, (await ledger.ListAsync(null, CancellationToken.None)).Count);
        var processed = await ledger.ListAsync(FileStatus.Processed, CancellationToken.None);
        Assert.Equal(["f0", "f2", "f4"], processed.Select(record => record.FileId).Order());
    }

    public void Dispose() => table.Dispose();
}
