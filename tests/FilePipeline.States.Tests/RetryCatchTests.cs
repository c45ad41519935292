using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

public class RetryCatchTests
{
    private static Harness Failing(string error, int failures, List<DateTimeOffset>? calls = null)
    {
        var harness = new Harness();
        var attempts = 0;
        harness.Handlers.Register("arn:aws:states:::flaky", (request, _) =>
        {
            calls?.Add(harness.Clock.GetUtcNow());
            return ++attempts <= failures
                ? throw new TaskFailedException(error, $"attempt {attempts}")
                : Task.FromResult<JsonNode?>(new JsonObject { ["attempts"] = attempts, ["retry"] = request.RetryCount });
        });
        return harness;
    }

    [Fact]
    public async Task Retries_wait_IntervalSeconds_times_BackoffRate_to_the_power_of_the_retry()
    {
        var calls = new List<DateTimeOffset>();
        var result = await Failing("Custom.Transient", 3, calls).RunAsync("retry-backoff.json");
        Harness.AssertJson("""{"attempts":4,"retry":3}""", Harness.Output(result));
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b - a).TotalSeconds);
        Assert.Equal([3.0, 6.0, 12.0], gaps);
    }

    [Fact]
    public async Task Retries_stop_after_MaxAttempts_and_the_error_propagates()
    {
        var calls = new List<DateTimeOffset>();
        var result = await Failing("Custom.Transient", 10, calls).RunAsync("retry-backoff.json");
        Assert.Equal("Custom.Transient", result.Error);
        Assert.Equal("attempt 4", result.Cause);
        Assert.Equal(4, calls.Count);
        Assert.Equal(4, result.History.Count(e => e.Type == "TaskFailed"));
    }

    [Fact]
    public async Task MaxDelaySeconds_caps_the_delay_and_FULL_jitter_scales_it_by_the_random_source()
    {
        var calls = new List<DateTimeOffset>();
        var harness = Failing("Any.Error", 4, calls);
        await harness.RunAsync("retry-maxdelay-jitter.json");
        var gaps = calls.Zip(calls.Skip(1), (a, b) => (b - a).TotalSeconds);
        // 4, 12→10, 36→10, 108→10 seconds, each halved by the jitter source's 0.5.
        Assert.Equal([2.0, 5.0, 5.0, 5.0], gaps);
    }

    [Fact]
    public async Task MaxAttempts_zero_never_retries()
    {
        var calls = new List<DateTimeOffset>();
        var result = await Failing("Any.Error", 1, calls).RunAsync("retry-zero-attempts.json");
        Assert.Equal("Any.Error", result.Error);
        Assert.Single(calls);
    }

    [Fact]
    public async Task The_first_matching_retrier_decides_even_when_its_attempts_are_spent()
    {
        var calls = new List<DateTimeOffset>();
        var result = await Failing("Custom.Transient", 5, calls).RunAsync("retry-first-match.json");
        Assert.Equal("Custom.Transient", result.Error);
        Assert.Equal(2, calls.Count);
    }

    [Fact]
    public async Task Catch_puts_Error_and_Cause_at_its_ResultPath_in_the_raw_input()
    {
        var result = await Failing("Custom.Permanent", 1).RunAsync("catch-resultpath.json", """{"id":1}""");
        Harness.AssertJson("""{"id":1,"error":{"Error":"Custom.Permanent","Cause":"attempt 1"}}""", Harness.Output(result));
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskFailed", "TaskStateExited", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            Harness.Types(result));
    }

    [Fact]
    public async Task States_TaskFailed_catches_any_task_error()
    {
        var result = await Failing("Something.Else", 1).RunAsync("catch-resultpath.json", "{}");
        Harness.AssertJson("\"generic\"", Harness.Output(result));
    }

    [Fact]
    public async Task States_ALL_does_not_catch_States_Runtime()
    {
        var result = await Failing("none", 0).RunAsync("catch-runtime.json", "{}");
        Assert.Equal("States.Runtime", result.Error);
    }

    /// <summary>
    /// Recorded against AWS (localstack/localstack, tests/aws/services/stepfunctions/v2/error_handling/
    /// test_states_errors.snapshot.json, test_task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response):
    /// a Task's States.ALL catcher catches a result over 256 KiB, although the error-handling guide calls it terminal.
    /// </summary>
    [Fact]
    public async Task States_ALL_catches_a_task_result_over_256_KiB_as_AWS_does()
    {
        var harness = new Harness().Handle("arn:aws:states:::lambda:invoke", _ => JsonValue.Create(new string('x', 262_145)));
        var result = await harness.RunAsync("catch-data-limit.json", "{}");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Harness.AssertJson("\"States.ALL\"", Harness.Output(result));
    }

    [Fact]
    public async Task A_catcher_naming_States_DataLimitExceeded_catches_a_task_result_over_256_KiB()
    {
        var harness = new Harness().Handle("arn:aws:states:::lambda:invoke", _ => JsonValue.Create(new string('x', 262_145)));
        var result = await harness.RunAsync("catch-data-limit-named.json", "{}");
        Harness.AssertJson("""{"error":"States.DataLimitExceeded"}""", Harness.Output(result));
    }

    [Fact]
    public async Task States_TaskFailed_does_not_match_a_timeout_but_States_Timeout_does()
    {
        var harness = new Harness();
        harness.HandleSlowTask();
        var result = await harness.RunAsync("catch-timeout.json");
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Contains(result.History, e => e.Type == "SucceedStateEntered" && e.Details!["name"]!.GetValue<string>() == "Right");
    }

    [Fact]
    public async Task The_context_RetryCount_counts_the_retries_of_the_state()
    {
        var seen = new List<int>();
        var harness = new Harness();
        harness.Handlers.Register("arn:aws:states:::flaky", (request, _) =>
        {
            seen.Add(request.Input!["retry"]!.GetValue<int>());
            return seen.Count < 3 ? throw new TaskFailedException("E", "c") : Task.FromResult<JsonNode?>(null);
        });
        Harness.Output(await harness.RunAsync("retry-context-count.json"));
        Assert.Equal([0, 1, 2], seen);
    }
}
