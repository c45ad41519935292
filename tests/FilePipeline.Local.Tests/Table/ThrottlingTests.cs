using FilePipeline.Local.Table;

namespace FilePipeline.Local.Tests.Table;

public sealed class ThrottlingTests
{
    /// <summary>Rolls the given numbers in turn.</summary>
    private sealed class ScriptedRandom(params double[] rolls) : Random
    {
        private int next;

        public override double NextDouble() => rolls[next++ % rolls.Length];
    }

    [Fact]
    public async Task Operations_whose_roll_falls_under_the_rate_are_throttled()
    {
        using var table = new TableFixture(new EmbeddedDynamoDbOptions { ThrottleRate = 0.5, Random = new ScriptedRandom(0.9, 0.1, 0.6) });

        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"}}}""");
        var error = await table.Fails("GetItem", """{"Key":{"pk":{"S":"a"}}}""");
        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorName);
        Assert.NotNull((await table.Run("GetItem", """{"Key":{"pk":{"S":"a"}}}"""))["Item"]);
    }

    [Fact]
    public async Task A_throttled_write_changes_nothing()
    {
        using var table = new TableFixture(new EmbeddedDynamoDbOptions { ThrottleRate = 1, Random = new ScriptedRandom(0.99) });
        var error = await table.Fails("PutItem", """{"Item":{"pk":{"S":"a"}}}""");
        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorName);

        var unthrottled = new EmbeddedDynamoDb(table.Database);
        var response = await TableFixture.Run(unthrottled, "GetItem", """{"Key":{"pk":{"S":"a"}}}""");
        Assert.Null(response["Item"]);
    }
}
