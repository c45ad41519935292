using FilePipeline.Testing.Emulators;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.Tests.Emulators;

namespace FilePipeline.Aws.Tests.DynamoDb;

/// <summary>The state machine's dynamodb:* Parameters, posted as-is to DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbJsonClientTests(AwsEmulators emulators) : IAsyncLifetime
{
    private readonly string table = "ledger-" + Guid.NewGuid().ToString("N")[..12];

    private DynamoDbJsonClient Client => DynamoDbJsonClient.FromEnvironment(
        name => name switch
        {
            "AWS_REGION" => "us-east-1",
            "AWS_ENDPOINT_URL_DYNAMODB" => emulators.DynamoDbEndpoint.ToString(),
            _ => null,
        },
        new BasicAWSCredentials("test", "test"));

    public Task InitializeAsync() => emulators.CreateLedgerTableAsync(table);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_conditional_put_then_get_round_trips_the_item()
    {
        await Client.ExecuteAsync("putItem", Request($$$"""
            {"TableName":"{{{table}}}","Item":{"fileId":{"S":"b/k@e"},"status":{"S":"PROCESSING"},"leaseUntil":{"N":"1764321300"}},
             "ConditionExpression":"attribute_not_exists(fileId)"}
            """), CancellationToken.None);

        var got = await Client.ExecuteAsync("getItem", Request($$$"""{"TableName":"{{{table}}}","Key":{"fileId":{"S":"b/k@e"}},"ConsistentRead":true}"""), CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"fileId":{"S":"b/k@e"},"status":{"S":"PROCESSING"},"leaseUntil":{"N":"1764321300"}}"""),
            got["Item"]), got.ToJsonString());
    }

    [Fact]
    public async Task GetItem_of_a_missing_key_has_no_Item()
    {
        var got = await Client.ExecuteAsync("GetItem", Request($$$$"""{"TableName":"{{{{table}}}}","Key":{"fileId":{"S":"nothing"}}}"""), CancellationToken.None);

        Assert.False(got.ContainsKey("Item"));
    }

    [Fact]
    public async Task A_failed_condition_is_a_ConditionalCheckFailedException()
    {
        var put = $$$"""{"TableName":"{{{table}}}","Item":{"fileId":{"S":"dup"}},"ConditionExpression":"attribute_not_exists(fileId)"}""";
        await Client.ExecuteAsync("putItem", Request(put), CancellationToken.None);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Client.ExecuteAsync("putItem", Request(put), CancellationToken.None));

        Assert.Equal("ConditionalCheckFailedException", error.ErrorCode);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_update_with_names_values_and_return_values_answers_the_new_attributes()
    {
        await Client.ExecuteAsync("putItem", Request($$$$"""{"TableName":"{{{{table}}}}","Item":{"fileId":{"S":"u"},"status":{"S":"PROCESSING"},"claimedBy":{"S":"exec-1"}}}"""), CancellationToken.None);

        var updated = await Client.ExecuteAsync("updateItem", Request($$$"""
            {"TableName":"{{{table}}}","Key":{"fileId":{"S":"u"}},
             "UpdateExpression":"SET #s = :done, rowCount = :rows","ConditionExpression":"claimedBy = :me",
             "ExpressionAttributeNames":{"#s":"status"},
             "ExpressionAttributeValues":{":done":{"S":"PROCESSED"},":rows":{"N":"42"},":me":{"S":"exec-1"}},
             "ReturnValues":"UPDATED_NEW"}
            """), CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"status":{"S":"PROCESSED"},"rowCount":{"N":"42"}}"""), updated["Attributes"]), updated.ToJsonString());
    }

    private static JsonObject Request(string json) => JsonNode.Parse(json)!.AsObject();
}
