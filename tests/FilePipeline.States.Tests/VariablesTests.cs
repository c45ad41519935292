using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

/// <summary>
/// Workflow variables: Assign and <c>$name</c> paths, as AWS runs them. The expected values follow
/// executions recorded on AWS in localstack/localstack tests/aws/services/stepfunctions/v2/assign/
/// (test_assign_base.snapshot.json, test_assign_reference_variables.snapshot.json).
/// </summary>
public class VariablesTests
{
    private static Harness Echo() => new Harness().Handle("arn:aws:states:::echo", request => request.Input?.DeepClone());

    [Fact]
    public async Task Assignments_apply_after_the_state_so_its_own_paths_and_other_assignments_see_the_old_values()
    {
        // Recorded: BASE_EVALUATION_ORDER_PASS_STATE — OutputPath "$answer" still reads 42 in the state that reassigns it;
        // BASE_ASSIGN_FROM_PARAMETERS — a Pass state's "$" in Assign is its result (here the effective input, 42).
        var result = await new Harness().RunAsync("assign-evaluation-order.json", "{}");
        Harness.AssertJson(
            """{"question":"six times seven?","answer":"replaced","previous":0,"echo":42,"formatted":"six times seven? replaced"}""",
            Harness.Output(result));
        var answerExited = result.History.Where(e => e.Type == "PassStateExited").ElementAt(1).Details!;
        Assert.Equal("42", answerExited["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task History_shows_each_assigned_variable_as_JSON_text_and_no_field_without_Assign()
    {
        var result = await new Harness().RunAsync("assign-evaluation-order.json", "{}");
        var exits = result.History.Where(e => e.Type == "PassStateExited").Select(e => e.Details!).ToList();
        Harness.AssertJson("""{"question":"\"six times seven?\"","answer":"42","count":"0"}""", exits[0]["assignedVariables"]);
        Harness.AssertJson("""{"truncated":false}""", exits[0]["assignedVariablesDetails"]);
        Assert.False(exits[2].ContainsKey("assignedVariables"));
        Assert.False(exits[2].ContainsKey("assignedVariablesDetails"));
    }

    [Theory]
    [InlineData("{}", "MISSING")]
    [InlineData("""{"guess":42}""", "RIGHT")]
    [InlineData("""{"guess":"42"}""", "WRONG")]
    public async Task A_matching_Choice_rule_assigns_its_own_variables_and_Default_takes_the_states(string input, string status)
    {
        // Recorded: test_assign_in_choice_state — only the state's Assign applies when Default is taken.
        var result = await new Harness().RunAsync("assign-choice.json", input);
        Harness.AssertJson($$"""{"status":"{{status}}"}""", Harness.Output(result));
        var assigned = Harness.Single(result, "ChoiceStateExited").Details!["assignedVariables"]!.AsObject();
        Assert.Equal(status == "WRONG" ? ["guess", "status"] : ["status"], assigned.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task Map_iterations_and_Parallel_branches_read_outer_variables_and_keep_their_own()
    {
        // Recorded: BASE_SCOPE_MAP, BASE_SCOPE_PARALLEL and BASE_REFERENCE_IN_ITERATOR_OUTER_SCOPE.
        var result = await new Harness().RunAsync("assign-scopes.json", """{"items":[1,2]}""");
        Harness.AssertJson(
            """{"items":[1,2],"mapped":[{"sum":11,"mine":1},{"sum":12,"mine":2}],"parallel":[{"bias":10}]}""",
            Harness.Output(result));
    }

    [Fact]
    public async Task An_inner_scope_cannot_assign_an_outer_variable()
    {
        var result = await new Harness().RunAsync("assign-inner-writes-outer.json", "{}");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("'total'", result.Cause, StringComparison.Ordinal);
        Assert.Contains("outer scope", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variables_of_an_iteration_end_with_it()
    {
        var result = await new Harness().RunAsync("assign-inner-not-visible.json", """{"items":[1]}""");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("The JSONPath '$inner' specified for the field 'inner.$' could not be found", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Task_assigns_from_its_selected_result_and_uses_variables_in_Parameters_and_TimeoutSecondsPath()
    {
        // Recorded: BASE_ASSIGN_FROM_LAMBDA_TASK_RESULT — "$" in a Task's Assign is the result; TimeoutSecondsPath "$timeout".
        var result = await Echo().RunAsync("assign-task.json", "{}");
        Harness.AssertJson("""{"result":{"id":7},"context":"Call","timeout":30}""", Harness.Output(result));
        Assert.Equal(30, Harness.Single(result, "TaskScheduled").Details!["timeoutInSeconds"]!.GetValue<int>());
        Harness.AssertJson("""{"Payload":{"id":7}}""", JsonNode.Parse(Harness.Single(result, "TaskScheduled").Details!["parameters"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_Catcher_assigns_from_the_error_output()
    {
        // Recorded: BASE_ASSIGN_IN_CATCH — the Catcher's Assign, not the state's, applies.
        var harness = new Harness().Handle("arn:aws:states:::echo", _ => throw new TaskFailedException("Boom", "it broke"));
        var result = await harness.RunAsync("assign-task.json", "{}");
        Harness.AssertJson("""{"failure":"Boom","result":{"id":7}}""", Harness.Output(result));
        var exited = Harness.Single(result, "TaskStateExited").Details!;
        Harness.AssertJson("""{"failure":"\"Boom\""}""", exited["assignedVariables"]);
    }

    [Fact]
    public async Task A_Wait_state_reads_and_assigns_variables()
    {
        // Recorded: test_assign_in_wait_state and BASE_REFERENCE_IN_WAIT.
        var harness = new Harness();
        var result = await harness.RunAsync("assign-wait.json", "{}");
        Harness.AssertJson("""{"waited":2}""", Harness.Output(result));
        var waited = Harness.Single(result, "WaitStateExited").Timestamp - Harness.Single(result, "WaitStateEntered").Timestamp;
        Assert.Equal(TimeSpan.FromSeconds(2), waited);
    }

    [Fact]
    public async Task An_Assign_over_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await new Harness().RunAsync("assign-large.json", "{\"text\":\"" + new string('v', 140_000) + "\"}");
        Assert.Equal("States.DataLimitExceeded", result.Error);
        Assert.Contains("'Assign'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_variable_over_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var result = await new Harness().RunAsync("assign-large.json", "{\"text\":\"" + new string('v', 262_144) + "\"}");
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }
}
