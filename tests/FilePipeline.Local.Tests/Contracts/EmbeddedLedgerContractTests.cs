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

    public void Dispose() => table.Dispose();
}
