using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>
/// Kill -9 of the real binary at chosen states and at random moments, restarted until idle: every
/// upload ends recorded exactly once, nothing is left in a queue, and killed executions read ABORTED.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper log) : IDisposable
{
    private const int FileCount = 40;
    private const int RandomKills = 6;
    private static readonly string[] CrashStates = ["CheckLedger", "ClaimFile", "InspectFile", "RecordProcessed"];
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private readonly PipelineProcess pipeline = new();
    private readonly Random random = new(20261128);

    [Fact]
    public async Task Every_upload_is_recorded_exactly_once_after_repeated_kills_and_restarts()
    {
        var expectedRows = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstHalf = WriteFiles(0, FileCount / 2, expectedRows);
        var secondHalf = WriteFiles(FileCount / 2, FileCount, expectedRows);
        var malformed = pipeline.WriteInput("malformed.csv", File.ReadAllText(CliHarnessSample("malformed.csv")));

        await UploadAsync([.. firstHalf, malformed, firstHalf[0], firstHalf[1]]);
        var counts = new CrashCounts();
        foreach (var state in CrashStates)
        {
            await RunWithExitFaultAsync(state, counts);
        }

        // The second half arrives while runs are killed at random, so kills also land in ValidateUpload and ProcessQueue.
        await UploadAsync([.. secondHalf, secondHalf[0]]);
        for (var i = 0; i < RandomKills; i++)
        {
            await RunAndKillAtRandomAsync(counts);
        }

        await RunUntilIdleAsync(counts);
        await RedriveUntilDeadLetterQueueIsEmptyAsync(counts);
        log.WriteLine($"files uploaded: {FileCount + 1} distinct + 3 duplicate uploads; exit-after kills: {counts.FaultKills} of {CrashStates.Length} runs; random kills: {counts.RandomKills} of {RandomKills} runs; runs started: {counts.Runs}; redriven from the DLQ: {counts.Redriven}");

        var files = await pipeline.JsonAsync("files");
        Assert.Equal(FileCount + 1, files.Count);
        Assert.Equal(files.Count, files.Select(f => Text(f, "fileId")).Distinct(StringComparer.Ordinal).Count());
        foreach (var file in files)
        {
            var name = Text(file, "fileName");
            if (name == "malformed.csv")
            {
                Assert.Equal("REJECTED", Text(file, "status"));
                continue;
            }

            Assert.True(Text(file, "status") == "PROCESSED", $"{name} is {file.ToJsonString()}");
            Assert.Equal(expectedRows[name!], file["rowCount"]!.GetValue<int>());
        }

        Assert.Empty(await pipeline.JsonAsync("dlq", "list"));
        Assert.Equal(0, pipeline.StoredMessages());

        var executions = await pipeline.JsonAsync("executions", "list");
        Assert.DoesNotContain(executions, e => Text(e, "status") == "RUNNING");
        var aborted = executions.Count(e => Text(e, "status") == "ABORTED");
        log.WriteLine($"executions: {executions.Count}, ABORTED: {aborted}");
        Assert.True(aborted >= counts.FaultKills, $"{counts.FaultKills} runs were killed inside an execution but only {aborted} executions are ABORTED.");
        foreach (var file in files)
        {
            var recording = executions.Count(e => Text(e, "fileId") == Text(file, "fileId") && Text(e, "status") == "SUCCEEDED"
                && Text(e, "outcome") is "PROCESSED" or "REJECTED");
            // Zero is right when the recording execution was killed after RecordProcessed (it is ABORTED).
            Assert.True(recording <= 1, $"{Text(file, "fileName")} was recorded by {recording} successful executions.");
        }
    }

    public void Dispose() => pipeline.Dispose();

    private static string CliHarnessSample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    private static string? Text(JsonObject node, string property) => node[property]?.GetValue<string>();

    private List<string> WriteFiles(int from, int to, Dictionary<string, int> expectedRows)
    {
        var paths = new List<string>();
        for (var i = from; i < to; i++)
        {
            var name = $"batch-{i:D3}.csv";
            var rows = 1 + random.Next(12);
            var content = new StringBuilder("id,name,amount\n");
            for (var row = 0; row < rows; row++)
            {
                content.Append(CultureInfo.InvariantCulture, $"{row},file{i}-row{row},{random.Next(1000)}.{random.Next(100):D2}\n");
            }

            expectedRows[name] = rows;
            paths.Add(pipeline.WriteInput(name, content.ToString()));
        }

        return paths;
    }

    private async Task UploadAsync(string[] paths)
    {
        var (exit, output) = await pipeline.RunAsync(["upload", .. paths]);
        Assert.True(exit == 0, output);
    }

    private async Task RunWithExitFaultAsync(string state, CrashCounts counts)
    {
        var times = 1 + random.Next(4);
        using var run = pipeline.Start($"exit-after={state},times={times}", shortVisibility: true, "run", "--until-idle", "--workers", "2");
        var exit = await run.WaitAsync(RunTimeout);
        counts.Runs++;
        Assert.True(exit is 0 or 137, $"run with exit-after={state} exited {exit}: {run.Output}");
        if (exit == 137)
        {
            counts.FaultKills++;
        }
    }

    private async Task RunAndKillAtRandomAsync(CrashCounts counts)
    {
        using var run = pipeline.Start(faults: null, shortVisibility: true, "run", "--until-idle", "--workers", "2");
        // A real-time delay on purpose: the kill must land wherever the child happens to be.
        await Task.Delay(TimeSpan.FromMilliseconds(300 + random.Next(1700)));
        counts.Runs++;
        if (!run.HasExited)
        {
            run.Kill();
            counts.RandomKills++;
        }

        await run.WaitAsync(RunTimeout);
    }

    private async Task RunUntilIdleAsync(CrashCounts counts)
    {
        using var run = pipeline.Start(faults: null, shortVisibility: true, "run", "--until-idle", "--workers", "2");
        var exit = await run.WaitAsync(RunTimeout);
        counts.Runs++;
        Assert.True(exit == 0, $"the final run exited {exit}: {run.Output}");
    }

    /// <summary>
    /// A kill returns every message of the killed batches with one more receive (as on AWS), so a
    /// message caught in maxReceiveCount killed batches is parked in the DLQ. The operator's remedy,
    /// redrive, must still lead to exactly one record per upload.
    /// </summary>
    private async Task RedriveUntilDeadLetterQueueIsEmptyAsync(CrashCounts counts)
    {
        for (var round = 0; round < 3; round++)
        {
            var parked = await pipeline.JsonAsync("dlq", "list");
            if (parked.Count == 0)
            {
                return;
            }

            Assert.All(parked, message => Assert.True(message["receiveCount"]!.GetValue<int>() >= 3, message.ToJsonString()));
            counts.Redriven += parked.Count;
            var (exit, output) = await pipeline.RunAsync("dlq", "redrive", "--all");
            Assert.True(exit == 0, output);
            await RunUntilIdleAsync(counts);
        }
    }

    private sealed class CrashCounts
    {
        public int Runs { get; set; }

        public int FaultKills { get; set; }

        public int RandomKills { get; set; }

        public int Redriven { get; set; }
    }
}
