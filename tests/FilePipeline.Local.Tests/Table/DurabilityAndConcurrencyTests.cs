using System.Text.Json.Nodes;
using FilePipeline.Local.Storage;
using FilePipeline.Local.Table;

namespace FilePipeline.Local.Tests.Table;

public sealed class DurabilityAndConcurrencyTests : IDisposable
{
    private readonly TableFixture table = new();

    [Fact]
    public async Task Items_survive_reopening_the_state_directory()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"1"}}}""");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var reopened = new EmbeddedDynamoDb(new LocalDatabase(table.StateDirectory));
        var response = await TableFixture.Run(reopened, "GetItem", """{"Key":{"pk":{"S":"a"}}}""");
        TableFixture.AssertJson("""{"Item":{"pk":{"S":"a"},"v":{"N":"1"}}}""", response);
    }

    [Fact]
    public async Task Of_many_racing_conditional_puts_from_separate_connections_exactly_one_wins()
    {
        // Each writer has its own LocalDatabase (its own connection pool), as two processes would.
        var writers = Enumerable.Range(0, 8)
            .Select(_ => new EmbeddedDynamoDb(new LocalDatabase(table.StateDirectory)))
            .ToList();
        using var start = new ManualResetEventSlim();
        var attempts = writers.Select((writer, index) => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await TableFixture.Run(writer, "PutItem", $$$"""{"Item":{"pk":{"S":"claim"},"owner":{"N":"{{{index}}}"}},"ConditionExpression":"attribute_not_exists(pk)"}""");
                return true;
            }
            catch (DynamoDbException error) when (error.ErrorName == "ConditionalCheckFailedException")
            {
                return false;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
        var winner = Array.IndexOf(outcomes, true);
        var stored = await table.Item("claim");
        Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), stored!["owner"]!["N"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_counter_increments_lose_no_update()
    {
        var writers = Enumerable.Range(0, 4).Select(_ => new EmbeddedDynamoDb(new LocalDatabase(table.StateDirectory))).ToList();
        await Task.WhenAll(writers.Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await TableFixture.Run(writer, "UpdateItem", """{"Key":{"pk":{"S":"counter"}},"UpdateExpression":"ADD hits :one","ExpressionAttributeValues":{":one":{"N":"1"}}}""");
            }
        })));
        var item = await table.Item("counter");
        Assert.Equal("40", item!["hits"]!["N"]!.GetValue<string>());
    }

    public void Dispose() => table.Dispose();
}
