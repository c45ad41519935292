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
}
