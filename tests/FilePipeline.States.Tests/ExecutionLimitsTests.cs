using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

/// <summary>AWS's bounds on a running execution: its duration, its history, and waits and retries of any length.</summary>
public class ExecutionLimitsTests
{
    private const string PassLoop = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""";

    /// <summary>A guard for loops that never yield: before these bounds existed the run would never end.</summary>
    private static Task<ExecutionResult> RunOnThreadPool(Harness harness, string definitionJson) =>
        Task.Run(() => new StateMachineEngine(harness.Handlers, harness.Clock, harness.Options)
                .StartExecutionAsync(Harness.Parse(definitionJson), "{}", "loop"))
            .WaitAsync(TimeSpan.FromSeconds(60));

    private static string Chain(int passStates)
    {
        var json = new StringBuilder("""{"StartAt":"S0","States":{""");
        for (var i = 0; i < passStates; i++)
        {
            json.Append(i == passStates - 1 ? $$"""{{(i > 0 ? "," : "")}}"S{{i}}":{"Type":"Pass","End":true}""" : $$"""{{(i > 0 ? "," : "")}}"S{{i}}":{"Type":"Pass","Next":"S{{i + 1}}"}""");
        }

        return json.Append("}}").ToString();
    }

    [Fact]
    public async Task A_pass_loop_that_never_waits_still_times_out_at_TimeoutSeconds()
    {
        var harness = new Harness();
        harness.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        var result = await RunOnThreadPool(harness, PassLoop.Replace("{\"StartAt\"", "{\"TimeoutSeconds\":2,\"StartAt\"", StringComparison.Ordinal));
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("States.Timeout", result.Error);
        Assert.Equal("The execution exceeded its TimeoutSeconds of 2 seconds", result.Cause);
        Assert.Equal("ExecutionTimedOut", result.History[^1].Type);
    }

    [Fact]
    public async Task An_express_pass_loop_ends_after_five_minutes_and_keeps_a_bounded_history()
    {
        // The observer is how a store (--services local) receives events: it must get no more than are kept.
        var observed = 0;
        var harness = new Harness { Options = new StateMachineEngineOptions { OnHistoryEvent = _ => observed++ } };
        harness.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        var result = await RunOnThreadPool(harness, PassLoop);
        Assert.Equal(result.History.Count, observed);
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("The execution exceeded the maximum duration of an express execution (300 seconds)", result.Cause);
        Assert.True(result.History.Count <= 25_000, $"{result.History.Count} events kept");
        Assert.True(result.History[^1].Id > 25_000, "the ids count every event, kept or not");
        Assert.Equal("ExecutionTimedOut", result.History[^1].Type);
    }

    [Fact]
    public async Task A_standard_pass_loop_fails_when_its_history_reaches_25000_events_as_on_AWS()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { Express = false } };
        var result = await RunOnThreadPool(harness, PassLoop);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error);
        Assert.Equal("The execution reached the maximum number of history events (25000).", result.Cause);
        Assert.Equal(25_000, result.History.Count);
        Assert.Equal((25_000L, 24_999L, "ExecutionFailed"), (result.History[^1].Id, result.History[^1].PreviousEventId, result.History[^1].Type));
    }

    [Fact]
    public async Task A_standard_execution_whose_25000th_event_is_ExecutionSucceeded_succeeds()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { Express = false } };

        // ExecutionStarted + 2 events per Pass state + ExecutionSucceeded: 12,499 states make exactly 25,000.
        var exact = await RunOnThreadPool(harness, Chain(12_499));
        Assert.Equal((ExecutionStatus.Succeeded, 25_000L), (exact.Status, exact.History[^1].Id));

        var oneMore = await RunOnThreadPool(harness, Chain(12_500));
        Assert.Equal((ExecutionStatus.Failed, "States.Runtime"), (oneMore.Status, oneMore.Error));
    }

    [Fact]
    public async Task A_catch_all_cannot_keep_a_timed_out_execution_looping()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { SkipDelays = true } };
        harness.Clock.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        harness.Handlers.Register("arn:aws:states:::fails", (_, _) => throw new TaskFailedException("Custom.Error", "always"));
        var result = await RunOnThreadPool(harness, """
            {"TimeoutSeconds":1,"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::fails",
              "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":99999999,"IntervalSeconds":1,"BackoffRate":1}],
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"T"}],"End":true}}}
            """);
        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (result.Status, result.Error));
    }

    [Theory]
    [InlineData("""{"Type":"Wait","Seconds":99999999,"End":true}""", "{}")]
    [InlineData("""{"Type":"Wait","Timestamp":"9999-12-31T23:59:59Z","End":true}""", "{}")]
    [InlineData("""{"Type":"Wait","SecondsPath":"$.s","End":true}""", """{"s":1e300}""")]
    public async Task The_longest_waits_end_at_the_express_limit_instead_of_overflowing(string wait, string input)
    {
        var result = await new Harness().RunAsync(Harness.Parse("""{"StartAt":"W","States":{"W":""" + wait + "}}"), input);
        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (result.Status, result.Error));
        Assert.Equal(TimeSpan.FromMinutes(5), result.StopDate - result.StartDate);
    }

    [Fact]
    public async Task A_standard_execution_waiting_longest_times_out_after_one_year()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { Express = false } };
        var engine = new StateMachineEngine(harness.Handlers, harness.Clock, harness.Options);
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        var run = engine.StartExecutionAsync(Harness.Parse("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":99999999,"End":true}}}"""));
        SynchronizationContext.SetSynchronizationContext(context);
        for (var day = 0; day < 400 && !run.IsCompleted; day++)
        {
            harness.Clock.Advance(TimeSpan.FromDays(1));
            await Task.Yield();
        }

        var result = await run;
        Assert.Equal((ExecutionStatus.TimedOut, TimeSpan.FromDays(365)), (result.Status, result.StopDate - result.StartDate));
    }

    [Fact]
    public async Task Retry_with_the_largest_intervals_and_backoff_never_overflows()
    {
        var harness = new Harness();
        harness.Handlers.Register("arn:aws:states:::fails", (_, _) => throw new TaskFailedException("Custom.Error", "always"));
        var result = await harness.RunAsync(Harness.Parse("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::fails","TimeoutSeconds":99999999,
              "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":99999999,"IntervalSeconds":99999999,"BackoffRate":1e308}],"End":true}}}
            """));
        Assert.Equal((ExecutionStatus.TimedOut, "States.Timeout"), (result.Status, result.Error));
    }

    [Fact]
    public void A_definition_longer_than_AWS_accepts_fails_validation_in_AWS_words()
    {
        var padding = new string(' ', StateMachineDefinition.MaxDefinitionLength);
        var parsed = StateMachineDefinition.Parse("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""" + padding);
        var error = Assert.Single(parsed.Errors);
        Assert.Equal(
            "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to 1048576",
            error.Message);
        Assert.True(StateMachineDefinition.Parse("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""" + padding[..1000]).IsValid);
    }

    [Fact]
    public async Task A_task_with_the_largest_TimeoutSeconds_runs_without_a_timer_error()
    {
        var harness = new Harness().Handle("arn:aws:states:::ok", _ => new JsonObject { ["ok"] = true });
        var result = await harness.RunAsync(Harness.Parse("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::ok","TimeoutSeconds":99999999,"End":true}}}"""));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }
}
