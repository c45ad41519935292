using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Local.Table;

/// <summary>The ledger port on the embedded table, through the same DynamoDB requests the AWS adapter sends.</summary>
public sealed class EmbeddedLedger : ILedger
{
    /// <summary>The AWS SDK's standard retry mode: a throttled request is sent up to 3 times before the adapter sees the error.</summary>
    private const int MaxAttempts = 3;

    /// <summary>The attribute the listing follows: oldest first.</summary>
    private const string ListingOrder = "firstSeenAt";

    private readonly EmbeddedDynamoDb table;
    private readonly string tableName;

    /// <param name="tableName">The ledger table; created with partition key <c>fileId</c> if missing.</param>
    public EmbeddedLedger(EmbeddedDynamoDb table, string tableName)
    {
        ArgumentNullException.ThrowIfNull(table);
        this.table = table;
        this.tableName = tableName;
        table.EnsureTable(tableName, "fileId");
        table.EnsureOrderIndex(ListingOrder);
    }

    public async Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken)
    {
        var response = await ExecuteAsync("GetItem", new JsonObject
        {
            ["TableName"] = tableName,
            ["Key"] = new JsonObject { ["fileId"] = new JsonObject { ["S"] = fileId } },
            ["ConsistentRead"] = true,
        }, cancellationToken);
        return response["Item"] is JsonObject item ? FileRecordItem.FromItem(item) : null;
    }

    public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) => TryAddAsync(record, cancellationToken);

    public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => TryAddAsync(record, cancellationToken);

    public async Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("UpdateItem", new JsonObject
            {
                ["TableName"] = tableName,
                ["Key"] = new JsonObject { ["fileId"] = new JsonObject { ["S"] = fileId } },
                ["UpdateExpression"] = FailureRecording.UpdateExpression,
                ["ConditionExpression"] = FailureRecording.ConditionExpression,
                ["ExpressionAttributeNames"] = new JsonObject([.. FailureRecording.Names().Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value))]),
                ["ExpressionAttributeValues"] = FailureRecording.Values(lastError, messageId, now),
            }, cancellationToken);
            return true;
        }
        catch (DynamoDbException error) when (error.ErrorName == "ConditionalCheckFailedException")
        {
            return false;
        }
    }

    private async Task<bool> TryAddAsync(FileRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await ExecuteAsync("PutItem", new JsonObject
            {
                ["TableName"] = tableName,
                ["Item"] = FileRecordItem.ToItem(record),
                ["ConditionExpression"] = "attribute_not_exists(fileId)",
            }, cancellationToken);
            return true;
        }
        catch (DynamoDbException error) when (error.ErrorName == "ConditionalCheckFailedException")
        {
            return false;
        }
    }

    /// <summary>Oldest first (firstSeenAt, then fileId) from the table's index on firstSeenAt; the status filter is applied here, as Scan's FilterExpression would.</summary>
    public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken) => Records(status, cancellationToken).ToAsyncEnumerable();

    private IEnumerable<FileRecord> Records(FileStatus? status, CancellationToken cancellationToken)
    {
        foreach (var item in table.ItemTextsOrderedBy(tableName, ListingOrder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = FileRecordItem.FromItem(item);
            if (status is null || record.Status == status)
            {
                yield return record;
            }
        }
    }

    /// <summary>Retries throttling as the AWS SDK does for the AWS adapter, so the functions see the same errors on both backends.</summary>
    private async Task<JsonObject> ExecuteAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await table.ExecuteAsync(operation, request, cancellationToken);
            }
            catch (DynamoDbException error) when (error.ErrorName == DynamoDbErrors.ThroughputExceeded && attempt < MaxAttempts)
            {
                // The injected throttling is random per request; the SDK's backoff would not change the outcome.
            }
        }
    }
}
