namespace FilePipeline.States.Tests;

public class WaitStateTests
{
    private static TimeSpan Waited(ExecutionResult result) =>
        result.History.Single(e => e.Type == "WaitStateExited").Timestamp - result.History.Single(e => e.Type == "WaitStateEntered").Timestamp;

    [Fact]
    public async Task Seconds_waits_on_the_injected_clock()
    {
        var result = await new Harness().RunAsync("wait-seconds.json");
        Assert.Equal(TimeSpan.FromSeconds(10), Waited(result));
    }

    [Fact]
    public async Task SecondsPath_reads_the_delay_from_the_input()
    {
        var result = await new Harness().RunAsync("wait-seconds-path.json", """{"delay":7}""");
        Assert.Equal(TimeSpan.FromSeconds(7), Waited(result));
    }

    [Fact]
    public async Task SecondsPath_that_is_not_a_number_is_a_runtime_error()
    {
        var result = await new Harness().RunAsync("wait-seconds-path.json", """{"delay":"soon"}""");
        Assert.Equal("States.Runtime", result.Error);
    }

    [Fact]
    public async Task Timestamp_waits_until_that_instant()
    {
        // The clock starts at 03:04:05; the definition waits until 03:05:05.
        var result = await new Harness().RunAsync("wait-timestamp.json");
        Assert.Equal(TimeSpan.FromMinutes(1), Waited(result));
    }

    [Fact]
    public async Task TimestampPath_in_the_past_does_not_wait()
    {
        var result = await new Harness().RunAsync("wait-timestamp-path.json", """{"until":"2000-01-01T00:00:00Z"}""");
        Assert.Equal(TimeSpan.Zero, Waited(result));
    }

    [Fact]
    public async Task SkipDelays_skips_the_wait_entirely()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { SkipDelays = true } };
        var engine = new StateMachineEngine(harness.Handlers, harness.Clock, harness.Options);
        var run = engine.StartExecutionAsync(Harness.Load("wait-seconds.json"));
        Assert.True(run.IsCompleted);
        Assert.Equal(ExecutionStatus.Succeeded, (await run).Status);
    }
}
