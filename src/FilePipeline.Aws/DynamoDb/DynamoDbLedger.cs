using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.DynamoDb;

/// <summary>
/// <see cref="ILedger"/> over a DynamoDB table keyed by <c>fileId</c>. Items are
/// <see cref="FileRecordItem"/>'s, the same the embedded table stores and the state machine writes.
/// </summary>
/// <param name="scanPageSize">Items read per Scan page when listing (null: DynamoDB's 1 MB pages); tests page small.</param>
public sealed class DynamoDbLedger(IAmazonDynamoDB dynamoDb, string tableName, int? scanPageSize = null) : ILedger
{
    public async Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken)
    {
        var response = await CallAsync(() => dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = Key(fileId), ConsistentRead = true },
            cancellationToken)).ConfigureAwait(false);
        // SDK v4 leaves Item null when the key is absent.
        return response.Item is { Count: > 0 } item ? FileRecordItem.FromItem(AttributeValueJson.ToJson(item)) : null;
    }

    public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) => TryAddAsync(record, cancellationToken);

    public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => TryAddAsync(record, cancellationToken);

    public async Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(() => dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = tableName,
                    Key = Key(fileId),
                    UpdateExpression = FailureRecording.UpdateExpression,
                    ConditionExpression = FailureRecording.ConditionExpression,
                    ExpressionAttributeNames = FailureRecording.Names(),
                    ExpressionAttributeValues = AttributeValueJson.ToItem(FailureRecording.Values(lastError, messageId, now)),
                },
                cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private async Task<bool> TryAddAsync(FileRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await CallAsync(() => dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = AttributeValueJson.ToItem(FileRecordItem.ToItem(record)),
                    ConditionExpression = "attribute_not_exists(fileId)",
                },
                cancellationToken)).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var request = new ScanRequest { TableName = tableName, ExclusiveStartKey = startKey, ConsistentRead = true, Limit = scanPageSize };
            if (status is { } wanted)
            {
                request.FilterExpression = "#status = :status";
                request.ExpressionAttributeNames = new() { ["#status"] = "status" };
                request.ExpressionAttributeValues = new() { [":status"] = new AttributeValue(FileRecordItem.StatusName(wanted)) };
            }

            var page = await CallAsync(() => dynamoDb.ScanAsync(request, cancellationToken)).ConfigureAwait(false);
            foreach (var item in page.Items ?? [])
            {
                yield return FileRecordItem.FromItem(AttributeValueJson.ToJson(item));
            }

            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);
    }

    private static Dictionary<string, AttributeValue> Key(string fileId) => new() { ["fileId"] = new AttributeValue(fileId) };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not ConditionalCheckFailedException && AwsErrorTranslation.IsTransient(e))
        {
            throw AwsErrorTranslation.Unavailable("DynamoDB", e);
        }
    }
}
