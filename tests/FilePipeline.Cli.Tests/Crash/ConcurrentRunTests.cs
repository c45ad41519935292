using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>Two <c>run</c> processes on one state directory share the work without processing one message twice.</summary>
public sealed class ConcurrentRunTests(ITestOutputHelper log) : IDisposable
{
    private const int FileCount = 30;
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private readonly PipelineProcess pipeline = new();

    [Fact]
    public async Task Two_runs_on_one_state_directory_never_process_one_message_at_once()
    {
        // The queues' own visibility timeout: nothing is redelivered unless a run processed it twice.
        using var first = pipeline.Start(faults: null, shortVisibility: false, "run", "--watch", "--workers", "2");
        using var second = pipeline.Start(faults: null, shortVisibility: false, "run", "--watch", "--workers", "2");
        await WaitForOutputAsync(first, "running");
        await WaitForOutputAsync(second, "running");

        var paths = Enumerable.Range(0, FileCount).Select(i => pipeline.WriteInput($"shared-{i:D2}.csv", $"id,value\n{i},a\n{i + 1},b\n")).ToArray();
        var (exit, output) = await pipeline.RunAsync(["upload", .. paths]);
        Assert.True(exit == 0, output);

        var files = await WaitUntilSettledAsync();
        first.Kill();
        second.Kill();

        var executions = await pipeline.JsonAsync("executions", "list");
        var hosts = pipeline.ExecutionHosts().GroupBy(pid => pid).ToDictionary(g => g.Key, g => g.Count());
        log.WriteLine($"{FileCount} files, {executions.Count} executions, by process: {string.Join(", ", hosts.Select(h => $"{h.Key}: {h.Value}"))}");

        Assert.Equal(FileCount, files.Count);
        Assert.All(files, file =>
        {
            Assert.Equal("PROCESSED", file["status"]!.GetValue<string>());
            Assert.Equal(2, file["rowCount"]!.GetValue<int>());
            Assert.Equal(1, file["attempts"]!.GetValue<int>());
        });
        Assert.Equal(FileCount, executions.Count);
        Assert.All(executions, execution => Assert.Equal(("SUCCEEDED", "PROCESSED"), (execution["status"]!.GetValue<string>(), execution["outcome"]!.GetValue<string>())));
        Assert.Equal(FileCount, executions.Select(e => e["fileId"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(new[] { first.Id, second.Id }.Order(), hosts.Keys.Select(pid => (int)pid).Order());
        Assert.Equal(0, pipeline.StoredMessages());
    }

    public void Dispose() => pipeline.Dispose();

    private static async Task WaitForOutputAsync(RunningCommand command, string text)
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (!command.Output.Contains(text, StringComparison.Ordinal))
        {
            Assert.False(command.HasExited, command.Output);
            Assert.True(DateTime.UtcNow < deadline, $"no '{text}' from filepipeline: {command.Output}");
            await Task.Delay(50);
        }
    }

    private async Task<IReadOnlyList<JsonObject>> WaitUntilSettledAsync()
    {
        var deadline = DateTime.UtcNow + SettleTimeout;
        while (true)
        {
            var files = await pipeline.JsonAsync("files");
            // A work message is deleted only after its execution ended, so an empty queue means every execution is done.
            if (files.Count == FileCount && files.All(f => f["status"]!.GetValue<string>() != "PROCESSING") && pipeline.StoredMessages() == 0)
            {
                return files;
            }

            Assert.True(DateTime.UtcNow < deadline, $"only {files.Count} files settled in time.");
            await Task.Delay(250);
        }
    }
}
