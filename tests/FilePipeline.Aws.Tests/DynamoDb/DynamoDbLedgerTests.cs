using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ledger;

namespace FilePipeline.Aws.Tests.DynamoDb;

[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbLedgerTests(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly string table = "files-" + Guid.NewGuid().ToString("N")[..12];

    private DynamoDbLedger Ledger => new(dynamo.DynamoDb, table);

    public Task InitializeAsync() => dynamo.DynamoDb.CreateTableAsync(new CreateTableRequest
    {
        TableName = table,
        KeySchema = [new KeySchemaElement("fileId", Amazon.DynamoDBv2.KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("fileId", Amazon.DynamoDBv2.ScalarAttributeType.S)],
        BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
    });

    public Task DisposeAsync() => Task.CompletedTask;

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
        Assert.Equal(first.Reason, (await Ledger.GetAsync(first.FileId, CancellationToken.None))!.Reason);
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
        // A record the state machine wrote directly, in the same item shape.
        await dynamo.DynamoDb.PutItemAsync(table, AttributeValueJson.ToItem(FileRecordItem.ToItem(Rejected("uploads/d.csv@0d") with { Status = FileStatus.Processed, RowCount = 3, Reason = null })));

        var all = await Ledger.ListAsync(null, CancellationToken.None);
        var processed = await Ledger.ListAsync(FileStatus.Processed, CancellationToken.None);

        Assert.Equal(["uploads/c.txt@0c", "uploads/d.csv@0d"], all.Select(r => r.FileId).Order(StringComparer.Ordinal));
        Assert.Equal(3, Assert.Single(processed).RowCount);
    }

    [Fact]
    public async Task An_unreachable_table_is_storage_unavailable()
    {
        using var unreachable = new Amazon.DynamoDBv2.AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new Amazon.DynamoDBv2.AmazonDynamoDBConfig
        {
            ServiceURL = $"http://127.0.0.1:{EmulatorProcess.FreePort()}",
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

        await Assert.ThrowsAsync<StorageUnavailableException>(() => new DynamoDbLedger(unreachable, table).GetAsync("x", CancellationToken.None));
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
