namespace FilePipeline.States.Tests;

public class SucceedStateTests
{
    [Fact]
    public async Task Succeed_applies_InputPath_and_OutputPath_and_ends_the_execution()
    {
        var result = await new Harness().RunAsync("succeed-outputpath.json", """{"result":{"value":42}}""");
        Assert.Equal("42", result.Output);
        Assert.Equal(["ExecutionStarted", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"], Harness.Types(result));
    }
}
