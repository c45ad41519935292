using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

/// <summary>
/// QueryLanguage JSONata in ASL: <c>{% %}</c> fields, <c>$states</c>, AWS's added functions and
/// States.QueryEvaluationError. Error texts follow executions recorded on AWS in
/// localstack/localstack tests/aws/services/stepfunctions/v2/ (assign/test_assign_reference_variables,
/// outputdecl/test_output, base/test_wait, scenarios/test_base_scenarios snapshots).
/// </summary>
public class JsonataStatesTests
{
    private static Harness Echo() => new Harness().Handle("arn:aws:states:::echo", request => request.Input?.DeepClone());

    [Fact]
    public async Task A_Task_takes_Arguments_and_gives_Output_and_Assign_from_states_input_result_and_context()
    {
        var result = await Echo().RunAsync("jsonata-task.json", """{"id":21,"timeout":30}""");
        Harness.AssertJson(
            """{"seen":21,"inputId":21,"previous":{"id":21,"state":"Call","fixed":"literal {% not at the start","doubled":42}}""",
            Harness.Output(result));
        var scheduled = Harness.Single(result, "TaskScheduled").Details!;
        Assert.Equal(30, scheduled["timeoutInSeconds"]!.GetValue<int>());
        Harness.AssertJson("""{"seen":"21","inputId":"21"}""", Harness.Single(result, "TaskStateExited").Details!["assignedVariables"]);
    }

    [Theory]
    [InlineData("""{"level":3}""", """{"output":"high 3","route":"high"}""")]
    [InlineData("""{"level":1}""", """{"output":"default output","route":"default"}""")]
    public async Task A_matching_Condition_uses_its_rules_Output_and_Assign_and_Default_the_states(string input, string expected)
    {
        // Recorded: test_output_in_choice and test_assign_in_choice.
        Harness.AssertJson(expected, Harness.Output(await new Harness().RunAsync("jsonata-choice.json", input)));
    }

    [Fact]
    public async Task A_Condition_that_is_not_boolean_is_a_query_evaluation_error()
    {
        var result = await new Harness().RunAsync("jsonata-choice.json", """{"level":"x"}""");
        Assert.Equal("States.QueryEvaluationError", result.Error);
    }

    [Fact]
    public async Task Map_reads_Items_MaxConcurrency_and_ItemSelector_with_the_item_in_the_context()
    {
        var result = await new Harness().RunAsync("jsonata-map.json", """{"values":[1,2,3],"limit":2}""");
        Harness.AssertJson("63", Harness.Output(result));
    }

    [Theory]
    [InlineData("""{"values":"text","limit":1}""", "'string' for value: \"text\"")]
    [InlineData("""{"values":{"a":1},"limit":1}""", "'object' for value: {\"a\":1}")]
    [InlineData("""{"values":null,"limit":1}""", "'null' for value: null")]
    public async Task Items_that_are_not_an_array_fail_with_AWSs_wording(string input, string tail)
    {
        // Recorded: scenarios/test_base_scenarios.snapshot.json, test_map_state_items_* (Expected 'array', but was …).
        var result = await new Harness().RunAsync("jsonata-map.json", input);
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Equal(
            "An error occurred while executing the state 'Each' (entered at the event id #4). The JSONata expression '$states.input.values' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was " + tail,
            result.Cause);
    }

    [Fact]
    public async Task Wait_takes_Seconds_and_Timestamp_from_expressions()
    {
        var harness = new Harness();
        var result = await harness.RunAsync("jsonata-wait.json", """{"seconds":3,"until":"2024-01-02T03:04:20Z"}""");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 20, TimeSpan.Zero), result.StopDate);
    }

    [Fact]
    public async Task A_Timestamp_that_is_not_ISO_8601_fails_with_AWSs_wording()
    {
        // Recorded: scenarios/test_base_scenarios.snapshot.json, test_wait_timestamp_jsonata[NO_Z].
        var result = await new Harness().RunAsync("jsonata-wait.json", """{"seconds":0,"until":"2016-12-05 21:29:29Z"}""");
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Equal(
            "An error occurred while executing the state 'Until' (entered at the event id #4). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: 2016-12-05 21:29:29Z",
            result.Cause);
    }

    [Fact]
    public async Task An_undefined_result_fails_with_QueryEvaluationError_and_an_EvaluationFailed_event()
    {
        // Recorded: test_undefined_reference[BASE_UNDEFINED_OUTPUT_FIELD].
        var result = await new Harness().RunAsync("jsonata-undefined-output.json", "{}");
        const string cause = "An error occurred while executing the state 'Missing' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field 'Output/result' returned nothing (undefined).";
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Equal(cause, result.Cause);
        Harness.AssertJson(
            $$"""{"error":"States.QueryEvaluationError","cause":"{{cause}}","location":"Output/result","state":"Missing"}""",
            Harness.Single(result, "EvaluationFailed").Details);
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "EvaluationFailed", "ExecutionFailed"], Harness.Types(result));
    }

    [Fact]
    public async Task An_evaluation_error_names_the_JSONata_error_code()
    {
        // Recorded: test_base_scenarios … "threw an error during evaluation. T1006: Attempted to invoke a non-function".
        var result = await new Harness().RunAsync("jsonata-evaluation-error.json", "{}");
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.StartsWith(
            "An error occurred while executing the state 'Broken' (entered at the event id #2). The JSONata expression '$notAFunction($states.input)' specified for the field 'Output/value' threw an error during evaluation. T1006: ",
            result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Catcher_reads_states_errorOutput_in_Output_and_Assign()
    {
        // Recorded: BASE_ASSIGN_IN_CATCH.
        var harness = new Harness().Handle("arn:aws:states:::echo", _ => throw new TaskFailedException("Boom", "it broke"));
        var result = await harness.RunAsync("jsonata-catch.json", """{"k":1}""");
        Harness.AssertJson("""{"outcome":"Boom","input":{"k":1,"error":{"Error":"Boom","Cause":"it broke"}}}""", Harness.Output(result));
    }

    [Fact]
    public async Task AWSs_added_functions_work()
    {
        var output = Harness.Output(await new Harness().RunAsync("jsonata-functions.json", "{}"));
        Harness.AssertJson(
            """{"partition":[[1,2],[3,4],[5]],"range":[0,5,10],"hash":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad","random":true,"uuid":36,"parse":{"a":[1,true]},"noInputAtRoot":false}""",
            output);
    }

    [Fact]
    public async Task States_used_as_a_whole_has_every_member_the_field_offers()
    {
        Harness.AssertJson("""["input","result","context"]""", Harness.Output(await Echo().RunAsync("jsonata-states-keys.json", "{}")));
    }

    [Fact]
    public async Task Eval_is_not_available_as_on_AWS()
    {
        var result = await new Harness().RunAsync("jsonata-eval.json", "{}");
        Assert.Equal("States.QueryEvaluationError", result.Error);
        Assert.Contains("$eval is not available in Step Functions; use $parse", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Fail_state_takes_Error_and_Cause_from_expressions()
    {
        var result = await new Harness().RunAsync("jsonata-fail.json", """{"code":"E42","why":"reasons"}""");
        Assert.Equal("E42", result.Error);
        Assert.Equal("because reasons", result.Cause);
    }

    [Fact]
    public async Task JSONPath_and_JSONata_states_mix_in_one_machine_and_share_variables()
    {
        Harness.AssertJson("""{"sum":10,"variable":5}""", Harness.Output(await new Harness().RunAsync("jsonata-mixed.json", """{"n":5}""")));
    }

    [Fact]
    public void A_JSONata_syntax_error_is_a_validation_error_at_its_field()
    {
        var parsed = StateMachineDefinition.Parse(Harness.ReadDefinition(Path.Combine("invalid", "jsonata-syntax.json")));
        var error = Assert.Single(parsed.Errors);
        Assert.Equal("/States/A/Output/x", error.Location);
        Assert.Contains("The JSONata expression '1 +' is invalid", error.Message, StringComparison.Ordinal);
    }
}
