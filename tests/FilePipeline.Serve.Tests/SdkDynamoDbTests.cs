using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace FilePipeline.Serve.Tests;

/// <summary>AWSSDK.DynamoDBv2 4 against serve's DynamoDB endpoint over the embedded ledger table.</summary>
public sealed class SdkDynamoDbTests : IAsyncLifetime
{
    private ServeFixture serve = null!;
    private AmazonDynamoDBClient dynamo = null!;

    public async Task InitializeAsync()
    {
        serve = await ServeFixture.StartAsync(runPipeline: false);
        dynamo = serve.DynamoDb();
    }

    public async Task DisposeAsync()
    {
        dynamo.Dispose();
        await serve.DisposeAsync();
    }

    [Fact]
    public async Task Item_operations_conditions_query_and_scan_behave_as_DynamoDB()
    {
        await dynamo.PutItemAsync(serve.Table, new Dictionary<string, AttributeValue>
        {
            ["fileId"] = new() { S = "b/a.csv@1" }, ["status"] = new() { S = "PROCESSING" }, ["attempts"] = new() { N = "1" },
        });
        var duplicate = new PutItemRequest
        {
            TableName = serve.Table,
            Item = new() { ["fileId"] = new() { S = "b/a.csv@1" } },
            ConditionExpression = "attribute_not_exists(fileId)",
        };
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => dynamo.PutItemAsync(duplicate));

        var updated = await dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = serve.Table,
            Key = new() { ["fileId"] = new() { S = "b/a.csv@1" } },
            UpdateExpression = "SET #s = :done ADD attempts :one",
            ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":done"] = new() { S = "PROCESSED" }, [":one"] = new() { N = "1" } },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        Assert.Equal("2", updated.Attributes["attempts"].N);

        var got = await dynamo.GetItemAsync(serve.Table, new() { ["fileId"] = new() { S = "b/a.csv@1" } });
        Assert.Equal("PROCESSED", got.Item["status"].S);

        await dynamo.PutItemAsync(serve.Table, new() { ["fileId"] = new() { S = "b/other.csv@2" }, ["status"] = new() { S = "REJECTED" } });
        var query = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = serve.Table,
            KeyConditionExpression = "fileId = :id",
            ExpressionAttributeValues = new() { [":id"] = new() { S = "b/other.csv@2" } },
        });
        Assert.Equal("REJECTED", Assert.Single(query.Items)["status"].S);

        var scan = await dynamo.ScanAsync(new ScanRequest { TableName = serve.Table, FilterExpression = "#s = :p", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = new() { [":p"] = new() { S = "PROCESSED" } } });
        Assert.Equal("b/a.csv@1", Assert.Single(scan.Items)["fileId"].S);
        Assert.Equal(2, scan.ScannedCount);

        await dynamo.DeleteItemAsync(serve.Table, new() { ["fileId"] = new() { S = "b/a.csv@1" } });
        var gone = await dynamo.GetItemAsync(serve.Table, new() { ["fileId"] = new() { S = "b/a.csv@1" } });
        Assert.False(gone.IsItemSet);
    }

    [Fact]
    public async Task DescribeTable_and_ListTables_show_the_ledger_and_a_missing_table_is_ResourceNotFound()
    {
        var tables = await dynamo.ListTablesAsync(new ListTablesRequest());
        Assert.Contains(serve.Table, tables.TableNames);
        var described = await dynamo.DescribeTableAsync(serve.Table);
        Assert.Equal("fileId", Assert.Single(described.Table.KeySchema).AttributeName);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => dynamo.DescribeTableAsync("no-such-table"));
    }

    [Fact]
    public async Task A_wrong_secret_is_refused_with_InvalidSignatureException()
    {
        using var wrong = serve.DynamoDb(new BasicAWSCredentials(ServeOptions.DefaultAccessKeyId, "wrong"));
        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => wrong.ListTablesAsync(new ListTablesRequest()));
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }
}
