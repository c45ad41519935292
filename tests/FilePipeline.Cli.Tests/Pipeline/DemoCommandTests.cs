namespace FilePipeline.Cli.Tests.Pipeline;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_demo_shows_every_scenario_behaving_as_expected_and_exits_0()
    {
        var result = await cli.RunAsync("demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(4, result.Output.Split('\n').Count(line => line.Contains("✓ as expected", StringComparison.Ordinal)));
        Assert.Contains("4 of 4 scenarios behaved as expected", result.Output, StringComparison.Ordinal);
        Assert.Contains("The dead-letter queue (filepipeline dlq list):", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"demo/flaky-orders\.csv@\S+\s+FAILED\s+-\s+3", result.Output);
    }

    [Fact]
    public async Task The_demo_refuses_a_state_directory_that_is_not_empty()
    {
        await cli.RunAsync("files");

        var result = await cli.RunAsync("demo");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not empty", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_reports_a_scenario_that_does_not_behave_and_exits_3()
    {
        // Every ValidateUpload fails: nothing is processed, so scenarios 1, 2 and 4 cannot behave.
        var result = await cli.RunAsync("demo", "--faults", "fail=ValidateUpload");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("✗ NOT as expected: PROCESSED with rowCount 5", result.Output, StringComparison.Ordinal);
    }
}
