namespace FilePipeline.States.Tests;

public class FailStateTests
{
    [Fact]
    public async Task Fail_ends_the_execution_with_its_Error_and_Cause()
    {
        var result = await new Harness().RunAsync("fail-static.json");
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Custom.Error", result.Error);
        Assert.Equal("Something broke", result.Cause);
        Assert.Null(result.Output);
        Assert.Equal(["ExecutionStarted", "FailStateEntered", "ExecutionFailed"], Harness.Types(result));
    }

    [Fact]
    public async Task ErrorPath_and_CausePath_read_the_input()
    {
        var result = await new Harness().RunAsync("fail-paths.json", """{"error":"Dynamic.Error","details":{"cause":"from input"}}""");
        Assert.Equal("Dynamic.Error", result.Error);
        Assert.Equal("from input", result.Cause);
    }

    [Fact]
    public async Task An_ErrorPath_that_matches_nothing_is_a_runtime_error()
    {
        var result = await new Harness().RunAsync("fail-paths.json", """{"details":{"cause":"c"}}""");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("$.error", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CausePath_may_be_an_intrinsic_function()
    {
        var result = await new Harness().RunAsync("fail-intrinsic-cause.json", """{"file":"a.csv"}""");
        Assert.Equal("Custom.Error", result.Error);
        Assert.Equal("File a.csv failed", result.Cause);
    }
}
