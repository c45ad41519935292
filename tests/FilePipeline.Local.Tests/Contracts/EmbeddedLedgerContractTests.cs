using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Table;
using FilePipeline.Local.Tests.Table;
using FilePipeline.Testing.Contracts;

namespace FilePipeline.Local.Tests.Contracts;

public sealed class EmbeddedLedgerContractTests : LedgerContract, IDisposable
{
    private const string TableName = "Files";
    private readonly TableFixture table = new();

    public EmbeddedLedgerContractTests() => Ledger = new EmbeddedLedger(table.Db, TableName);

    protected override ILedger Ledger { get; }

    protected override Task WriteAsync(FileRecord record) =>
        table.Db.ExecuteAsync("PutItem", new() { ["TableName"] = TableName, ["Item"] = FileRecordItem.ToItem(record) }, CancellationToken.None);

    [Fact]
    public async Task The_listing_streams_oldest_first_then_by_file_id()
    {
        var start = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        await WriteAsync(Rejected("uploads/a.csv@01") with { FirstSeenAt = start.AddMinutes(2) });
        await WriteAsync(Rejected("uploads/b.csv@02") with { FirstSeenAt = start });
        await WriteAsync(Rejected("uploads/d.csv@04") with { FirstSeenAt = start.AddMinutes(1) });
        await WriteAsync(Rejected("uploads/c.csv@03") with { FirstSeenAt = start.AddMinutes(1) });

        var listed = await Ledger.StreamAsync(null, CancellationToken.None).Select(r => r.FileId).ToListAsync();

        Assert.Equal(["uploads/b.csv@02", "uploads/c.csv@03", "uploads/d.csv@04", "uploads/a.csv@01"], listed);
    }

    [Fact]
    public async Task The_listing_reads_its_order_from_an_index_instead_of_sorting()
    {
        using var connection = table.Database.Open();
        using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN SELECT item FROM dynamodb_items WHERE table_name = 'Files' ORDER BY json_extract(item, '$.firstSeenAt.S'), item_key";
        var steps = new List<string>();
        using (var reader = await plan.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.Contains(steps, step => step.Contains("dynamodb_items_by_firstSeenAt", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    public void Dispose() => table.Dispose();
}
