namespace FilePipeline.States.Tests;

public class ChoiceStateTests
{
    [Theory]
    [InlineData("""{"type":"Public"}""", "Public")]
    [InlineData("""{"type":"Private","value":25}""", "ValueInTwenties")]
    [InlineData("""{"type":"Private","value":35,"rating":70,"auditThreshold":50}""", "StartAudit")]
    [InlineData("""{"type":"Private","value":35,"rating":10,"auditThreshold":50,"name":"log-2024.txt"}""", "Logs")]
    [InlineData("""{"type":"Private","value":35,"rating":10,"auditThreshold":50,"name":"x","flag":false,"when":"2020-01-01T00:00:00Z"}""", "FlagOrLate")]
    [InlineData("""{"type":"Private","value":35,"rating":10,"auditThreshold":50,"name":"x","flag":false,"when":"1999-01-01T00:00:00Z","nothing":null}""", "Null")]
    [InlineData("""{"type":"Private","value":"25","rating":10,"auditThreshold":50,"name":"x","flag":false,"when":"1999-01-01T00:00:00Z","nothing":1}""", "RecordEvent")]
    public async Task Rules_are_tried_in_order_with_And_Or_Not_and_typed_comparisons(string input, string expected)
    {
        var output = Harness.Output(await new Harness().RunAsync("choice-operators.json", input));
        Assert.Equal(expected, output!.GetValue<string>());
    }

    [Theory]
    [InlineData("StringEquals", "\"b\"", "\"b\"", true)]
    [InlineData("StringEquals", "\"b\"", "1", false)]
    [InlineData("StringLessThan", "\"a\"", "\"b\"", true)]
    [InlineData("StringGreaterThan", "\"a\"", "\"b\"", false)]
    [InlineData("StringLessThanEquals", "\"b\"", "\"b\"", true)]
    [InlineData("StringGreaterThanEquals", "\"c\"", "\"b\"", true)]
    [InlineData("NumericEquals", "1", "1.0", true)]
    [InlineData("NumericLessThan", "1", "2", true)]
    [InlineData("NumericGreaterThan", "1", "2", false)]
    [InlineData("NumericLessThanEquals", "2", "2", true)]
    [InlineData("NumericGreaterThanEquals", "1", "2", false)]
    [InlineData("NumericEquals", "\"1\"", "1", false)]
    [InlineData("BooleanEquals", "true", "true", true)]
    [InlineData("BooleanEquals", "true", "false", false)]
    [InlineData("TimestampEquals", "\"2024-01-01T00:00:00Z\"", "\"2024-01-01T01:00:00+01:00\"", true)]
    [InlineData("TimestampLessThan", "\"2024-01-01T00:00:00Z\"", "\"2024-01-02T00:00:00Z\"", true)]
    [InlineData("TimestampGreaterThan", "\"2024-01-01T00:00:00Z\"", "\"2024-01-02T00:00:00Z\"", false)]
    [InlineData("TimestampLessThanEquals", "\"2024-01-01T00:00:00Z\"", "\"2024-01-01T00:00:00Z\"", true)]
    [InlineData("TimestampGreaterThanEquals", "\"2024-01-03T00:00:00Z\"", "\"2024-01-02T00:00:00Z\"", true)]
    [InlineData("TimestampEquals", "\"2024-01-01t00:00:00z\"", "\"2024-01-01T00:00:00Z\"", false)]
    public async Task Every_Path_operator_compares_two_input_values(string op, string left, string right, bool matches)
    {
        var definition = Harness.ReadDefinition("choice-path-operator.json").Replace("StringEqualsPath", op + "Path", StringComparison.Ordinal);
        var parsed = StateMachineDefinition.Parse(definition);
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Errors));
        var engine = new StateMachineEngine(new TaskHandlerRegistry(), TimeProvider.System);
        var result = await engine.StartExecutionAsync(parsed.Definition, $$"""{"left":{{left}},"right":{{right}}}""");
        Assert.Equal(matches ? "\"Yes\"" : "\"No\"", result.Output);
    }

    [Theory]
    [InlineData("""{"s":"x","n":1.5,"b":false,"t":"2024-05-06T07:08:09.123Z","z":null}""", "Yes")]
    [InlineData("""{"s":"x","n":1.5,"b":false,"t":"2024-05-06 07:08:09","z":null}""", "No")]
    [InlineData("""{"s":"x","n":1.5,"b":false,"t":"2024-05-06T07:08:09Z","z":null,"missing":0}""", "No")]
    public async Task Type_tests_check_the_JSON_type_and_presence(string input, string expected)
    {
        var output = Harness.Output(await new Harness().RunAsync("choice-type-tests.json", input));
        Assert.Equal(expected, output!.GetValue<string>());
    }

    [Theory]
    [InlineData("log-*.txt", "log-.txt", true)]
    [InlineData("log-*.txt", "log-2024.txt.gz", false)]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData(@"a\\*", @"a\anything", true)]
    [InlineData("*", "", true)]
    public async Task StringMatches_supports_wildcards_and_escapes(string pattern, string value, bool matches)
    {
        var definition = Harness.ReadDefinition("choice-path-operator.json")
            .Replace("\"StringEqualsPath\": \"$.right\"", $"\"StringMatches\": {System.Text.Json.JsonSerializer.Serialize(pattern, StatesTestJson.Default.String)}", StringComparison.Ordinal);
        var parsed = StateMachineDefinition.Parse(definition);
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Errors));
        var engine = new StateMachineEngine(new TaskHandlerRegistry(), TimeProvider.System);
        var result = await engine.StartExecutionAsync(parsed.Definition, $$"""{"left":{{System.Text.Json.JsonSerializer.Serialize(value, StatesTestJson.Default.String)}}}""");
        Assert.Equal(matches ? "\"Yes\"" : "\"No\"", result.Output);
    }

    [Fact]
    public async Task No_match_without_Default_fails_with_States_NoChoiceMatched()
    {
        var result = await new Harness().RunAsync("choice-no-match.json", """{"x":2}""");
        Assert.Equal("States.NoChoiceMatched", result.Error);
    }

    [Fact]
    public async Task A_Variable_that_does_not_exist_is_a_runtime_error()
    {
        var result = await new Harness().RunAsync("choice-missing-variable.json", "{}");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("Invalid path '$.absent'", result.Cause, StringComparison.Ordinal);
    }
}
