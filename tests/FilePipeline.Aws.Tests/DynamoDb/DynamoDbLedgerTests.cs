using FilePipeline.Testing.Emulators;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Testing.Contracts;

namespace FilePipeline.Aws.Tests.DynamoDb;

/// <summary>The ledger contract on DynamoDB Local, listing with Scan pages of <paramref name="scanPageSize"/> items (null: 1 MB pages).</summary>
public abstract class DynamoDbLedgerContract(AwsEmulators emulators, int? scanPageSize) : LedgerContract, IAsyncLifetime
{
    private readonly string table = "files-" + Guid.NewGuid().ToString("N")[..12];

    protected override ILedger Ledger => new DynamoDbLedger(emulators.DynamoDb, table, scanPageSize);

    public Task InitializeAsync() => emulators.CreateLedgerTableAsync(table);

    public Task DisposeAsync() => Task.CompletedTask;

    protected override Task WriteAsync(FileRecord record) => emulators.DynamoDb.PutItemAsync(table, AttributeValueJson.ToItem(FileRecordItem.ToItem(record)));
}

[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbLedgerContractTests(AwsEmulators emulators) : DynamoDbLedgerContract(emulators, scanPageSize: null);

/// <summary>One item per Scan page: every listing crosses pages, and a filtered one reads pages with no match.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbLedgerPagedContractTests(AwsEmulators emulators) : DynamoDbLedgerContract(emulators, scanPageSize: 1);

public sealed class DynamoDbLedgerTests
{
    [Fact]
    public async Task An_unreachable_table_is_storage_unavailable()
    {
        using var unreachable = AwsEmulators.DynamoDbClient(AwsEmulators.Unreachable(), maxErrorRetry: 0);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => new DynamoDbLedger(unreachable, "files").GetAsync("x", CancellationToken.None));
    }
}
