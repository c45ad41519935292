using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

public class TaskStateTests
{
    [Fact]
    public async Task The_handler_gets_the_effective_input_and_the_result_is_selected_and_placed()
    {
        TaskRequest? seen = null;
        var harness = new Harness().Handle("arn:aws:states:::lambda:invoke", request =>
        {
            seen = request;
            return new JsonObject { ["Payload"] = new JsonObject { ["echo"] = request.Input!["Payload"]!["n"]!.DeepClone() }, ["StatusCode"] = 200 };
        });
        var output = Harness.Output(await harness.RunAsync("task-basic.json", """{"n":7}"""));
        Harness.AssertJson("""{"n":7,"result":{"body":{"echo":7}}}""", output);
        Harness.AssertJson("""{"FunctionName":"fn","Payload":{"n":7}}""", seen!.Input);
        Assert.Equal("Call", seen.StateName);
        Assert.Equal("test-execution", seen.Context["Execution"]!["Name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResultSelector_reshapes_the_result_as_in_the_AWS_docs()
    {
        var harness = new Harness().Handle("arn:aws:states:::elasticmapreduce:createCluster.sync", _ => JsonNode.Parse(
            """{"resourceType":"elasticmapreduce","resource":"createCluster.sync","output":{"SdkHttpMetadata":{"HttpStatusCode":200},"ClusterId":"AKIAIOSFODNN7EXAMPLE"}}"""));
        var output = Harness.Output(await harness.RunAsync("task-resultselector.json", """{"foo":"bar"}"""));
        Harness.AssertJson("""{"foo":"bar","EMROutput":{"ClusterId":"AKIAIOSFODNN7EXAMPLE","ResourceType":"elasticmapreduce"}}""", output);
    }

    [Fact]
    public async Task A_TaskFailedException_fails_the_execution_with_its_error_and_cause()
    {
        var harness = new Harness();
        harness.Handlers.Register("arn:aws:states:::lambda:invoke", (_, _) => throw new TaskFailedException("DynamoDB.ConditionalCheckFailedException", "lost the race"));
        var result = await harness.RunAsync("task-basic.json");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", result.Error);
        Assert.Equal("lost the race", result.Cause);
        Assert.Equal(["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "ExecutionFailed"], Harness.Types(result));
    }

    [Fact]
    public async Task Any_other_handler_exception_is_States_TaskFailed()
    {
        var harness = new Harness();
        harness.Handlers.Register("arn:aws:states:::lambda:invoke", (_, _) => throw new InvalidOperationException("bad"));
        var result = await harness.RunAsync("task-basic.json");
        Assert.Equal("States.TaskFailed", result.Error);
        Assert.Contains("bad", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_resource_fails_clearly_and_cannot_be_caught()
    {
        var result = await new Harness().RunAsync("task-unregistered.json");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("No task handler is registered for resource 'arn:aws:states:::nobody:home'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_that_outlives_TimeoutSeconds_fails_with_States_Timeout_and_is_cancelled()
    {
        var harness = new Harness();
        var cancelled = harness.HandleSlowTask();
        var result = await harness.RunAsync("task-timeout.json");
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.True(cancelled());
        var timedOut = Harness.Single(result, "TaskTimedOut");
        Assert.Equal(TimeSpan.FromSeconds(5), timedOut.Timestamp - result.StartDate);
        Assert.Equal(5, Harness.Single(result, "TaskScheduled").Details!["timeoutInSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task Time_a_handler_spends_before_it_first_yields_counts_toward_TimeoutSeconds()
    {
        var harness = new Harness();
        harness.Handlers.Register("arn:aws:states:::slow", async (_, ct) =>
        {
            harness.Clock.Advance(TimeSpan.FromSeconds(6)); // past the 5 s timeout, before the first await
            await Task.Delay(TimeSpan.FromHours(1), harness.Clock, ct);
            return null;
        });

        var result = await harness.RunAsync("task-timeout.json");

        Assert.Equal((ExecutionStatus.Failed, "States.Timeout"), (result.Status, result.Error));
        Assert.Equal(TimeSpan.FromSeconds(6), Harness.Single(result, "TaskTimedOut").Timestamp - result.StartDate);
    }

    [Fact]
    public async Task TimeoutSecondsPath_reads_the_timeout_from_the_input()
    {
        var harness = new Harness();
        harness.HandleSlowTask();
        var result = await harness.RunAsync("task-timeout-path.json", """{"timeout":3}""");
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal(3, Harness.Single(result, "TaskScheduled").Details!["timeoutInSeconds"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_result_over_256_KiB_fails_with_States_DataLimitExceeded()
    {
        var harness = new Harness().Handle("arn:aws:states:::lambda:invoke", _ => JsonValue.Create(new string('x', 262_145)));
        var result = await harness.RunAsync("task-basic.json");
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }

    [Fact]
    public async Task Task_history_events_carry_AWS_resource_type_and_resource()
    {
        var harness = new Harness().Handle("arn:aws:states:::lambda:invoke", _ => new JsonObject { ["Payload"] = 1 });
        var result = await harness.RunAsync("task-basic.json");
        var scheduled = Harness.Single(result, "TaskScheduled").Details!;
        Assert.Equal("lambda", scheduled["resourceType"]!.GetValue<string>());
        Assert.Equal("invoke", scheduled["resource"]!.GetValue<string>());
        Assert.Equal("us-east-1", scheduled["region"]!.GetValue<string>());
        Assert.Equal("""{"FunctionName":"fn","Payload":{}}""", scheduled["parameters"]!.GetValue<string>());
        Assert.Equal("""{"Payload":1}""", Harness.Single(result, "TaskSucceeded").Details!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_machine_TimeoutSeconds_ends_the_execution_TIMED_OUT()
    {
        var harness = new Harness();
        var result = await harness.RunAsync("machine-timeout.json");
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("TIMED_OUT", result.StatusText);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal("ExecutionTimedOut", result.History[^1].Type);
        Assert.Equal(TimeSpan.FromSeconds(30), result.StopDate - result.StartDate);
    }
}
