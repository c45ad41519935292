namespace FilePipeline.States.Tests;

public class ValidationTests
{
    private static IReadOnlyList<string> Errors(string file)
    {
        var parsed = StateMachineDefinition.Parse(Harness.ReadDefinition(Path.Combine("invalid", file)));
        Assert.False(parsed.IsValid);
        return [.. parsed.Errors.Select(e => e.ToString())];
    }

    [Theory]
    [InlineData("missing-next.json", "MISSING_TRANSITION_TARGET: State 'A' must have either 'Next' or 'End': true at /States/A")]
    [InlineData("unreachable.json", "UNREACHABLE_STATE: State 'Orphan' is not reachable at /States/Orphan")]
    [InlineData("unknown-type.json", "SCHEMA_VALIDATION_FAILED: Unknown state type 'Teleport' in state 'A' at /States/A/Type")]
    [InlineData("empty-choice.json", "SCHEMA_VALIDATION_FAILED: Choice state 'A' must have at least one rule in 'Choices' at /States/A/Choices")]
    [InlineData("jsonata-with-jsonpath-fields.json", "SCHEMA_VALIDATION_FAILED: The field 'InputPath' is only allowed in JSONPath states; this state's QueryLanguage is JSONata at /States/A/InputPath")]
    [InlineData("jsonata-with-jsonpath-fields.json", "SCHEMA_VALIDATION_FAILED: The field 'Parameters' is only allowed in JSONPath states; this state's QueryLanguage is JSONata at /States/A/Parameters")]
    [InlineData("jsonata-with-jsonpath-fields.json", "SCHEMA_VALIDATION_FAILED: A state cannot use JSONPath when the state machine's QueryLanguage is JSONata at /States/B/QueryLanguage")]
    [InlineData("jsonpath-with-jsonata-fields.json", "SCHEMA_VALIDATION_FAILED: The field 'Output' is only allowed in JSONata states; this state's QueryLanguage is JSONPath at /States/A/Output")]
    [InlineData("missing-target.json", "MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/A")]
    [InlineData("unsupported-field.json", "SCHEMA_VALIDATION_FAILED: Field 'ResultPath' is not supported by a Succeed state at /States/A/ResultPath")]
    [InlineData("wait-two-durations.json", "SCHEMA_VALIDATION_FAILED: Wait state 'W' must have exactly one of Seconds, Timestamp, SecondsPath, TimestampPath at /States/W")]
    [InlineData("fail-error-and-path.json", "SCHEMA_VALIDATION_FAILED: Fail state 'F' must not have both 'Error' and 'ErrorPath' at /States/F/ErrorPath")]
    [InlineData("task-timeout-and-path.json", "SCHEMA_VALIDATION_FAILED: A Task state must not have both 'TimeoutSeconds' and 'TimeoutSecondsPath' at /States/T/TimeoutSecondsPath")]
    [InlineData("catch-all-not-last.json", "SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals and only in the last Retrier or Catcher at /States/T/Catch/0/ErrorEquals")]
    [InlineData("distributed-map.json", "UNSUPPORTED_FEATURE: Distributed Map (Mode DISTRIBUTED) is not supported at /States/M/ItemProcessor/ProcessorConfig/Mode")]
    [InlineData("nested-unreachable.json", "UNREACHABLE_STATE: State 'B' is not reachable at /States/P/Branches/0/States/B")]
    [InlineData("choice-with-end.json", "SCHEMA_VALIDATION_FAILED: A Choice state must not have 'Next' or 'End'; use Choices and Default at /States/C/End")]
    [InlineData("assign-bad-name.json", "SCHEMA_VALIDATION_FAILED: '1st' is not a valid variable name (letters, digits and underscores, not starting with a digit, at most 80 characters, not 'states') at /States/A/Assign/1st")]
    [InlineData("assign-bad-name.json", "SCHEMA_VALIDATION_FAILED: 'states' is not a valid variable name (letters, digits and underscores, not starting with a digit, at most 80 characters, not 'states') at /States/A/Assign/states")]
    [InlineData("assign-on-succeed.json", "SCHEMA_VALIDATION_FAILED: Field 'Assign' is not supported by a Succeed state at /States/A/Assign")]
    [InlineData("resultpath-variable.json", "SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a path into the state input, not the context object or a variable at /States/A/ResultPath")]
    public void Invalid_definitions_are_reported_with_code_message_and_location(string file, string expected)
    {
        Assert.Contains(expected, Errors(file));
    }

    [Fact]
    public void Bad_paths_name_the_state_and_field()
    {
        var errors = Errors("bad-path.json");
        Assert.Contains(errors, e => e.EndsWith("at /States/A/InputPath", StringComparison.Ordinal) && e.Contains("must start with '$'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.EndsWith("at /States/A/ResultPath", StringComparison.Ordinal) && e.Contains("ReferencePath", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_bad_Retry_value_is_reported()
    {
        var errors = Errors("bad-retry.json");
        foreach (var field in new[] { "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "JitterStrategy" })
        {
            Assert.Contains(errors, e => e.EndsWith($"at /States/A/Retry/0/{field}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_Choice_rule_with_two_operators_is_rejected()
    {
        Assert.Contains(Errors("bad-choice-rule.json"), e => e.Contains("exactly one comparison operator", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_JSON_is_reported_not_thrown()
    {
        var parsed = StateMachineDefinition.Parse("{ not json");
        Assert.Equal("INVALID_JSON_DESCRIPTION", Assert.Single(parsed.Errors).Code);
    }

    [Fact]
    public void Every_valid_test_definition_parses()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Definitions"), "*.json");
        Assert.True(files.Length > 40);
        foreach (var file in files)
        {
            var parsed = StateMachineDefinition.Parse(File.ReadAllText(file));
            Assert.True(parsed.IsValid, $"{Path.GetFileName(file)}: {string.Join('\n', parsed.Errors)}");
        }
    }
}
