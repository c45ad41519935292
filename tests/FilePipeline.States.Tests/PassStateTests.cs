using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

public class PassStateTests
{
    [Fact]
    public async Task Result_is_placed_at_ResultPath_in_the_input_as_in_the_AWS_docs()
    {
        var result = await new Harness().RunAsync("pass-result-resultpath.json",
            """{"comment":"This is a test of the input and output of a Task state.","details":"Default example","who":"AWS Step Functions"}""");
        Harness.AssertJson(
            """{"comment":"This is a test of the input and output of a Task state.","details":"Default example","who":"AWS Step Functions","taskresult":"Hello, Step Functions!"}""",
            Harness.Output(result));
    }

    [Fact]
    public async Task Parameters_select_fields_with_dollar_keys_as_in_the_AWS_docs()
    {
        var result = await new Harness().RunAsync("pass-parameters.json",
            """{"comment":"Example for Parameters.","product":{"details":{"color":"blue","size":"small","material":"cotton"},"availability":"in stock","sku":"2317","cost":"$23"}}""");
        Harness.AssertJson(
            """{"comment":"Selecting what I care about.","MyDetails":{"size":"small","exists":"in stock","StaticValue":"foo"}}""",
            Harness.Output(result));
    }

    [Fact]
    public async Task InputPath_ResultPath_and_OutputPath_apply_in_order()
    {
        var result = await new Harness().RunAsync("pass-inputpath-outputpath.json",
            """{"comment":"Example for InputPath.","dataset1":{"val1":1},"dataset2":{"val1":"a","val2":"b"}}""");
        Harness.AssertJson("""{"val1":"a","val2":"b"}""", Harness.Output(result));
    }

    [Fact]
    public async Task Null_ResultPath_keeps_the_input_and_null_InputPath_gives_an_empty_object()
    {
        var result = await new Harness().RunAsync("pass-null-paths.json", """{"kept":1}""");
        Harness.AssertJson("{}", Harness.Output(result));
        var exited = result.History.First(e => e.Type == "PassStateExited");
        Assert.Equal("""{"kept":1}""", exited.Details!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_InputPath_that_matches_nothing_fails_with_States_Runtime()
    {
        var result = await new Harness().RunAsync("pass-missing-inputpath.json", """{"a":1}""");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("Invalid path '$.missing'", result.Cause, StringComparison.Ordinal);
        Assert.Contains("state 'Broken'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Parameters_path_that_matches_nothing_fails_a_Pass_state_with_States_Runtime_as_AWS_does()
    {
        var result = await new Harness().RunAsync("pass-missing-parameter.json", """{"a":1}""");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal(
            """An error occurred while executing the state 'Broken' (entered at the event id #2). The JSONPath '$.missing' specified for the field 'value.$' could not be found in the input '{"a":1}'""",
            result.Cause);
    }

    [Fact]
    public async Task The_context_object_exposes_execution_state_and_machine()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { StateMachineName = "Demo" } };
        var output = Harness.Output(await harness.RunAsync("pass-context.json", """{"x":1}"""))!;
        Assert.Equal("test-execution", output["execution"]!.GetValue<string>());
        Assert.Equal("Ctx", output["state"]!.GetValue<string>());
        Assert.Equal("Demo", output["machine"]!.GetValue<string>());
        Assert.Equal("2024-01-02T03:04:05.000Z", output["entered"]!.GetValue<string>());
        Harness.AssertJson("""{"x":1}""", output["input"]);
    }

    [Fact]
    public async Task Nested_ResultPath_creates_missing_objects()
    {
        var output = Harness.Output(await new Harness().RunAsync("pass-resultpath-nested.json", """{"keep":true}"""));
        Harness.AssertJson("""{"keep":true,"a":{"b":{"c":{"ok":true}}}}""", output);
    }

    [Fact]
    public async Task ResultPath_into_a_non_object_fails_with_ResultPathMatchFailure()
    {
        var result = await new Harness().RunAsync("pass-resultpath-mismatch.json", """{"a":"text"}""");
        Assert.Equal("States.ResultPathMatchFailure", result.Error);
    }

    [Fact]
    public async Task A_chain_of_Pass_states_accumulates_results()
    {
        var output = Harness.Output(await new Harness().RunAsync("pass-chain.json", "{}"));
        Harness.AssertJson("""{"a":1,"b":2}""", output);
    }

    [Fact]
    public async Task An_intrinsic_function_in_Parameters_is_evaluated()
    {
        var output = Harness.Output(await new Harness().RunAsync("pass-intrinsic.json", """{"name":"World"}"""));
        Harness.AssertJson("""{"greeting":"Hello, World!"}""", output);
    }

    [Fact]
    public async Task The_same_input_can_be_selected_twice_and_placed_into_itself()
    {
        var output = Harness.Output(await new Harness().RunAsync("pass-parameters-twice.json", """{"n":1}"""));
        Harness.AssertJson("""{"n":1,"copies":{"first":{"n":1},"second":{"n":1}}}""", output);
    }

    [Fact]
    public async Task ResultPath_states_in_a_row_leave_the_execution_input_and_earlier_history_as_they_were()
    {
        var result = await new Harness().RunAsync("resultpath-chain.json", """{"x":0}""");
        Harness.AssertJson("""{"x":0,"first":1,"second":2,"original":{"input":{"x":0}}}""", Harness.Output(result));
        var exited = result.History.Where(e => e.Type == "PassStateExited").Select(e => e.Details!["output"]!.GetValue<string>()).ToList();
        Assert.Equal("""{"x":0,"first":1}""", exited[0]);
        Assert.Equal("""{"x":0,"first":1,"second":2}""", exited[1]);
    }

    [Fact]
    public async Task ResultPath_after_a_task_does_not_change_the_node_its_handler_returned()
    {
        var returned = new JsonObject { ["rows"] = 42 };
        var harness = new Harness().Handle("arn:aws:states:::fetch", _ => returned);
        var result = await harness.RunAsync("resultpath-chain-after-task.json", """{"x":0}""");
        Harness.AssertJson("""{"rows":42,"first":1,"second":2,"original":{"input":{"x":0}}}""", Harness.Output(result));
        Harness.AssertJson("""{"rows":42}""", returned);
    }
}
