using System.Text.Json.Nodes;

namespace FilePipeline.Local.Tests.Table;

/// <summary>Conditions evaluated against one stored item, through Scan's FilterExpression.</summary>
public sealed class ConditionEvaluationTests : IAsyncLifetime, IDisposable
{
    private const string Values = """
        {":s":{"S":"abc"},":ab":{"S":"ab"},":n10":{"N":"10"},":n9":{"N":"9.0"},":n100":{"N":"100"},":sn":{"S":"10"},
         ":b":{"B":"AQID"},":b1":{"B":"AQ=="},":t":{"BOOL":true},":null":{"NULL":true},
         ":ss":{"SS":["y","x"]},":x":{"S":"x"},":typeN":{"S":"N"},":typeSS":{"S":"SS"},":three":{"N":"3"},
         ":l":{"L":[{"S":"x"},{"N":"1"}]},":m":{"M":{"k":{"S":"v"}}},":big":{"N":"12345678901234567890123456789012345679"}}
        """;

    private readonly TableFixture fixture = new();

    public Task InitializeAsync() =>
        fixture.Run("PutItem", """
            {"Item":{"pk":{"S":"1"},"s":{"S":"abc"},"n":{"N":"10"},"b":{"B":"AQID"},"t":{"BOOL":true},"z":{"NULL":true},
             "ss":{"SS":["x","y"]},"ns":{"NS":["1","2"]},"l":{"L":[{"S":"x"},{"N":"1"}]},"m":{"M":{"k":{"S":"v"},"deep":{"L":[{"M":{"c":{"N":"5"}}}]}}},
             "big":{"N":"12345678901234567890123456789012345678"},"uni":{"S":"héllo"}}}
            """);

    private async Task<bool> Holds(string condition)
    {
        var request = new JsonObject
        {
            ["FilterExpression"] = condition,
            ["ExpressionAttributeValues"] = JsonNode.Parse(Values),
        };
        // Use every value so the unused-placeholder rule does not reject the request.
        request["FilterExpression"] = $"({condition}) OR (attribute_exists(nothing) AND pk IN (:s,:ab,:n10,:n9,:n100,:sn,:b,:b1,:t,:null,:ss,:x,:typeN,:typeSS,:three,:l,:m,:big))";
        var response = await fixture.Run("Scan", request.ToJsonString());
        return response["Count"]!.GetValue<int>() == 1;
    }

    [Theory]
    [InlineData("s = :s", true)]
    [InlineData("n = :n10", true)]
    [InlineData("n = :sn", false)]
    [InlineData("n <> :sn", true)]
    [InlineData("nope <> :s", true)]
    [InlineData("nope = :s", false)]
    [InlineData("n > :n9", true)]
    [InlineData("n < :n100", true)]
    [InlineData("s > :ab", true)]
    [InlineData("s < :sn", false)]
    [InlineData("b > :b1", true)]
    [InlineData("b = :b", true)]
    [InlineData("t = :t", true)]
    [InlineData("z = :null", true)]
    [InlineData("ss = :ss", true)]
    [InlineData("l = :l", true)]
    [InlineData("m.k = :x", false)]
    [InlineData("m.deep[0].c = :n10", false)]
    [InlineData("m.deep[0].c < :n10", true)]
    [InlineData("big < :big", true)]
    [InlineData("n BETWEEN :n9 AND :n100", true)]
    [InlineData("n BETWEEN :n9 AND :n9", false)]
    [InlineData("s BETWEEN :n9 AND :n100", false)]
    [InlineData("n IN (:s, :n10)", true)]
    [InlineData("n IN (:s, :sn)", false)]
    public async Task Comparisons_follow_dynamodb_typing(string condition, bool expected) =>
        Assert.Equal(expected, await Holds(condition));

    [Theory]
    [InlineData("attribute_exists(s)", true)]
    [InlineData("attribute_exists(m.deep[0].c)", true)]
    [InlineData("attribute_exists(m.deep[1])", false)]
    [InlineData("attribute_not_exists(nothing)", true)]
    [InlineData("attribute_type(n, :typeN)", true)]
    [InlineData("attribute_type(ss, :typeSS)", true)]
    [InlineData("attribute_type(s, :typeN)", false)]
    [InlineData("begins_with(s, :ab)", true)]
    [InlineData("begins_with(n, :ab)", false)]
    [InlineData("begins_with(b, :b1)", true)]
    [InlineData("contains(s, :ab)", true)]
    [InlineData("contains(ss, :x)", true)]
    [InlineData("contains(ns, :n10)", false)]
    [InlineData("contains(l, :x)", true)]
    [InlineData("size(s) = :three", true)]
    [InlineData("size(uni) > :three", true)]
    [InlineData("size(ss) < :three", true)]
    [InlineData("size(n) = :three", false)]
    [InlineData("NOT attribute_exists(s)", false)]
    [InlineData("NOT NOT attribute_exists(s)", true)]
    [InlineData("attribute_exists(nothing) OR s = :s AND n = :n10", true)]
    [InlineData("(attribute_exists(nothing) OR s = :s) AND n = :n100", false)]
    public async Task Functions_and_boolean_operators_evaluate_like_dynamodb(string condition, bool expected) =>
        Assert.Equal(expected, await Holds(condition));

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => fixture.Dispose();
}
