using System.Text.RegularExpressions;

namespace FilePipeline.Cli.Tests.Pipeline;

public sealed partial class BenchCommandTests
{
    [Fact]
    public async Task Bench_reports_rates_ratio_latency_and_time_split_for_every_file()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("bench", "--files", "5", "--workers", "2");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches(EndToEnd(), result.Output);
        Assert.Matches(Direct(), result.Output);
        Assert.Matches(Ratio(), result.Output);
        Assert.Matches(Latency(), result.Output);
        Assert.Contains("time: uploads", result.Output, StringComparison.Ordinal);
        Assert.Matches(OneAtATime(), result.Output);
        Assert.Matches(Memory(), result.Output);
    }

    [Fact]
    public async Task Bench_without_files_is_a_usage_error()
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync("bench", "--files", "0");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"end-to-end: 5 PROCESSED in [0-9.]+ s = [0-9.]+ files/s")]
    private static partial Regex EndToEnd();

    [GeneratedRegex(@"direct: +5 recorded in [0-9.]+ s = [0-9.]+ files/s")]
    private static partial Regex Direct();

    [GeneratedRegex(@"ratio end-to-end/direct: [0-9.]+")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"latency upload→ledger: p50 [0-9]+ ms, p99 [0-9]+ ms")]
    private static partial Regex Latency();

    [GeneratedRegex(@"one file at a time \(5, 1 worker watching\): upload→ledger p50 [0-9.]+ ms, p99 [0-9.]+ ms")]
    private static partial Regex OneAtATime();

    [GeneratedRegex(@"peak RSS by the end of the end-to-end run: [0-9]+ MB; live managed heap after it \(full GC\) [0-9.]+ MB")]
    private static partial Regex Memory();
}
