using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

/// <summary>
/// The differential suite: our own definitions and inputs whose expected results come from executions
/// AWS itself ran, as recorded in public snapshot tests (LocalStack records every snapshot against
/// AWS; the source of each case is cited). Where AWS's documentation says otherwise, the recording
/// wins (docs/states.md lists those cases).
/// </summary>
public class RecordedConformanceTests
{
    // Sources, in repository localstack/localstack:
    //   Scenarios = tests/aws/services/stepfunctions/v2/scenarios/test_base_scenarios.snapshot.json
    //   Waits     = tests/aws/services/stepfunctions/v2/base/test_wait.snapshot.json
    //   Contexts  = tests/aws/services/stepfunctions/v2/context_object/test_context_object.snapshot.json

    /// <summary>Every recorded case: definition, input, and the output or the error and cause AWS produced.</summary>
    public static TheoryData<RecordedCase> Cases() =>
    [
        // Contexts, test_input_path[$$.Execution.Input] and test_output_path, test_variable, test_items_path: $$ in InputPath, Choice Variable, ItemsPath, OutputPath.
        new("recorded-context-paths.json", """{"order":{"qty":2,"lines":["a","b"]}}""", Output: """["a","b"]"""),
        new("recorded-context-paths.json", """{"order":{"qty":0,"lines":[]}}""", Output: "\"empty\""),

        // Contexts, test_error_cause_path: ErrorPath/CausePath read the context object.
        new("recorded-context-fail.json", "{}", Error: "Stop", Cause: "StateMachine"),

        // localstack/localstack tests/aws/services/stepfunctions/v2/comments/test_comments.snapshot.json: Comment on states, retriers, catchers and rules; a "Comment" key in Parameters is data.
        new("recorded-comments.json", "{}", Output: """{"Comment":"a field named Comment is data","comment":"so is this","kept":"yes"}"""),

        // Scenarios, test_max_concurrency_path[0], [1], [NoNumber], [max_concurrency_value0]: MaxConcurrencyPath on an inline Map.
        new("recorded-map-max-concurrency-path.json", """{"values":["x"],"limit":0}""", Output: """["x"]"""),
        new("recorded-map-max-concurrency-path.json", """{"values":["x"],"limit":1}""", Output: """["x"]"""),
        new("recorded-map-max-concurrency-path.json", """{"values":["x"],"limit":"NoNumber"}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Fan' (entered at the event id #2). The MaxConcurrencyPath field refers to value \"NoNumber\" which is not a valid integer: $.limit"),
        new("recorded-map-max-concurrency-path.json", """{"values":["x"],"limit":{}}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Fan' (entered at the event id #2). The MaxConcurrencyPath field refers to value \"{}\" which is not a valid integer: $.limit"),

        // Scenarios, test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_INPUTPATH]: AWS's wording and bracket notation.
        new("recorded-missing-inputpath.json", """{"n":0}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Probe' (entered at the event id #2). Invalid path '$.absent' : No results for path: $['absent']"),

        // Scenarios, test_catch_states_runtime: a missing step before the last one, and neither States.Runtime nor States.ALL catches it.
        new("recorded-missing-outputpath.json", "{}", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Probe' (entered at the event id #2). Invalid path '$.not.there.at.all' : Missing property in path $['not']"),

        // Scenarios, test_invalid_jsonpath[INVALID_JSONPATH_IN_STRING_EXPR_CONTEXTPATH]: States.Runtime (not ParameterPathFailure) in a Pass state.
        new("recorded-missing-parameter-context.json", """{"n":0}""", Error: "States.Runtime",
            Cause: """An error occurred while executing the state 'Probe' (entered at the event id #2). The JSONPath '$$.Execution.Input.absent' specified for the field 'found.$' could not be found in the input '{"n":0}'"""),

        // Scenarios, test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH].
        new("recorded-missing-errorpath.json", """{"n":0}""", Error: "States.Runtime",
            Cause: """An error occurred while executing the state 'Stop' (entered at the event id #4). The JSONPath '$.Err' specified for the field 'ErrorPath' could not be found in the input '{"Error":"SomeError"}'"""),

        // Scenarios, test_invalid_jsonpath[ST.INVALID_JSONPATH_IN_TIMEOUTSECONDSPATH].
        new("recorded-missing-timeoutsecondspath.json", """{"n":0}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Call' (entered at the event id #2). Invalid path '$.timeout' : No results for path: $['timeout']"),

        // Waits, test_base_wait_seconds_path[-1] and [1.5]; localstack/localstack tests/aws/services/stepfunctions/v2/logs/test_logs.snapshot.json
        // (wait_seconds_path.json5) for a path that matches nothing.
        new("recorded-wait-secondspath.json", "{}", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The SecondsPath parameter does not reference an input value: $.wait.seconds"),
        new("recorded-wait-secondspath.json", """{"wait":{"seconds":1.5}}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The SecondsPath parameter cannot be parsed as a long value: $.wait.seconds == 1.5"),
        new("recorded-wait-secondspath.json", """{"wait":{"seconds":-1.5}}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The SecondsPath parameter cannot be parsed as a long value: $.wait.seconds == -1.5"),
        new("recorded-wait-secondspath.json", """{"wait":{"seconds":-1}}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The SecondsPath parameter references a negative value: $.wait.seconds == -1"),
        new("recorded-wait-secondspath.json", """{"wait":{"seconds":0}}""", Output: """{"wait":{"seconds":0}}"""),

        // Scenarios, test_wait_timestamp_path[NO_T, NO_Z, INVALID_DATE, INVALID_TIME, INVALID_ISO]: timestamps AWS refuses, printed unquoted after ==.
        new("recorded-wait-timestamppath.json", """{"until":"2016-12-05 21:29:29Z"}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.until == 2016-12-05 21:29:29Z"),
        new("recorded-wait-timestamppath.json", """{"until":"2016-12-05T21:29:29"}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.until == 2016-12-05T21:29:29"),
        new("recorded-wait-timestamppath.json", """{"until":"2016-13-05T21:29:29Z"}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.until == 2016-13-05T21:29:29Z"),
        new("recorded-wait-timestamppath.json", """{"until":"05-12-2016T21:29:29Z"}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.until == 05-12-2016T21:29:29Z"),
        new("recorded-wait-timestamppath.json", """{"until":"2016-12-05T25:29:29Z"}""", Error: "States.Runtime",
            Cause: "An error occurred while executing the state 'Pause' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.until == 2016-12-05T25:29:29Z"),

        // localstack/localstack tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.snapshot.json, test_format_1/2 and test_context_json_path.
        new("recorded-format-values.json", """{"value":""}""", Output: """{"text":"value=<>","machine":"{Id=arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine, Name=StateMachine}"}"""),
        new("recorded-format-values.json", """{"value":{"Arg1":1,"Arg2":[]}}""", Output: """{"text":"value=<{Arg1=1, Arg2=[]}>","machine":"{Id=arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine, Name=StateMachine}"}"""),
        new("recorded-format-values.json", """{"value":null}""", Output: """{"text":"value=<null>","machine":"{Id=arn:aws:states:us-east-1:123456789012:stateMachine:StateMachine, Name=StateMachine}"}"""),

        // Scenarios, test_escape_sequence_parsing[ESCAPE_SEQUENCES_JSONPATH]: inside a quoted name only the quote is escaped.
        new("recorded-bracket-escape.json", """{"odd\\\"\"key\"":"found"}""", Output: """{"value":"found"}"""),

        // localstack/localstack tests/aws/services/stepfunctions/v2/error_handling/test_states_errors.snapshot.json, test_start_large_input.
        new("recorded-large-output.json", "{\"text\":\"" + new string('x', 100_000) + "\"}", Error: "States.DataLimitExceeded",
            Cause: "The state/task 'Grow' returned a result with a size exceeding the maximum number of bytes service limit."),

        // Scenarios, test_map_state_catch_empty_fail and test_parallel_state_fail: a failure without Error or Cause has none; "State.ALL" is just a name.
        new("recorded-fail-empty.json", "{}", Error: null, Cause: null),
        new("recorded-fail-empty-in-map.json", """{"items":[1]}""", Error: null, Cause: null),
        new("recorded-fail-error-only-in-parallel.json", "{}", Error: "Broken", Cause: null),

        // Numbers produced by intrinsics compare in Choice like any number (recorded: test_assign_reference_variables, BASE_REFERENCE_IN_INTRINSIC_FUNCTION's mathOps.sum).
        new("recorded-intrinsic-number-choice.json", """{"items":["a","b","c"],"base":1}""", Output: "\"matched\""),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Our_interpreter_ends_each_recorded_case_as_AWS_did(RecordedCase recorded)
    {
        var harness = new Harness().Handle("arn:aws:states:::echo", request => request.Input?.DeepClone());
        harness.Options = harness.Options with { StateMachineName = "StateMachine" };
        var result = await harness.RunAsync(recorded.Definition, recorded.Input);
        if (recorded.Output is not null)
        {
            Harness.AssertJson(recorded.Output, Harness.Output(result));
            return;
        }

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(recorded.Error, result.Error);
        Assert.Equal(recorded.Cause, result.Cause);
        var failed = Harness.Single(result, "ExecutionFailed").Details!;
        Assert.Equal(recorded.Error is not null, failed.ContainsKey("error"));
        Assert.Equal(recorded.Cause is not null, failed.ContainsKey("cause"));
    }

    [Fact]
    public async Task The_context_object_of_a_Pass_state_has_no_RetryCount_as_recorded()
    {
        // Contexts, test_input_path[$$]: State holds Name and EnteredTime only.
        var output = Harness.Output(await new Harness().RunAsync("recorded-context-inputpath.json", """{"k":1}"""))!.AsObject();
        Assert.Equal(["EnteredTime", "Name"], output["State"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(["Execution", "State", "StateMachine"], output.Select(p => p.Key).Order());
        Harness.AssertJson("""{"k":1}""", output["Execution"]!["Input"]);
        Assert.Equal(0, output["Execution"]!["RedriveCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_context_object_of_a_Task_state_has_RetryCount_as_recorded()
    {
        // Scenarios, test_lambda_invoke_with_retry_extended_input: a Task's State has RetryCount.
        var harness = new Harness().Handle("arn:aws:states:::echo", request => request.Input?.DeepClone());
        var output = Harness.Output(await harness.RunAsync("recorded-context-task.json", "{}"))!;
        Assert.Equal(["EnteredTime", "Name", "RetryCount"], output["state"]!.AsObject().Select(p => p.Key).Order());
    }
}

/// <summary>One recorded execution: Output for a success, otherwise the Error and Cause (either may be absent).</summary>
public sealed record RecordedCase(string Definition, string Input, string? Output = null, string? Error = null, string? Cause = null)
{
    public override string ToString() => $"{Definition} {(Input.Length > 60 ? Input[..60] + "…" : Input)}";
}
