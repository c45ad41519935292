using System.Text.Json.Nodes;
using FilePipeline.Host.Integrations;
using FilePipeline.States;

namespace FilePipeline.Host.Tests.Integrations;

public sealed class DynamoDbTaskHandlerTests
{
    [Fact]
    public async Task A_service_error_fails_the_task_with_DynamoDBs_error_name_and_message()
    {
        var table = DynamoDbTaskHandler.NamingErrors<TableError>(
            (_, _, _) => throw new TableError("ConditionalCheckFailedException", "The conditional request failed"),
            e => (e.Name, e.Message));

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => table("PutItem", [], CancellationToken.None));

        Assert.Equal("DynamoDB.ConditionalCheckFailedException", error.Error);
        Assert.Equal("The conditional request failed", error.Cause);
    }

    [Fact]
    public async Task Other_exceptions_and_results_pass_through_unchanged()
    {
        var result = new JsonObject { ["Item"] = new JsonObject() };
        var succeeding = DynamoDbTaskHandler.NamingErrors<TableError>((_, _, _) => Task.FromResult(result), e => (e.Name, e.Message));
        var crashing = DynamoDbTaskHandler.NamingErrors<TableError>((_, _, _) => throw new TimeoutException("slow"), e => (e.Name, e.Message));

        Assert.Same(result, await succeeding("GetItem", [], CancellationToken.None));
        await Assert.ThrowsAsync<TimeoutException>(() => crashing("GetItem", [], CancellationToken.None));
    }

    private sealed class TableError(string name, string message) : Exception(message)
    {
        public string Name { get; } = name;
    }
}
