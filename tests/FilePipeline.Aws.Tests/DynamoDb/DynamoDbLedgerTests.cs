using FilePipeline.Testing.Emulators;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Testing.Contracts;

namespace FilePipeline.Aws.Tests.DynamoDb;

[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbLedgerContractTests(AwsEmulators emulators) : LedgerContract, IAsyncLifetime
{
    private readonly string table = "files-" + Guid.NewGuid().ToString("N")[..12];

    protected override ILedger Ledger => new DynamoDbLedger(emulators.DynamoDb, table);

    public Task InitializeAsync() => emulators.CreateLedgerTableAsync(table);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override Task WriteAsync(FileRecord record) => emulators.DynamoDb.PutItemAsync(table, AttributeValueJson.ToItem(FileRecordItem.ToItem(record)));
}

public sealed class DynamoDbLedgerTests
{
    [Fact]
    public async Task An_unreachable_table_is_storage_unavailable()
    {
        using var unreachable = AwsEmulators.DynamoDbClient(AwsEmulators.Unreachable(), maxErrorRetry: 0);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => new DynamoDbLedger(unreachable, "files").GetAsync("x", CancellationToken.None));
    }
}
