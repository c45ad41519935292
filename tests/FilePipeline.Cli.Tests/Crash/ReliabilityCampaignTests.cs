using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>
/// The kill -9 campaign of docs/reliability.md on the real binary: runners and uploads killed at
/// random moments and runners killed right after random states; afterwards <see cref="LedgerInvariant"/> must hold.
/// Sizes and seed come from FILEPIPELINE_CAMPAIGN_FILES, _KILLS and _SEED (CI runs the defaults).
/// </summary>
public sealed class ReliabilityCampaignTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(180);
    private static readonly string[] CrashStates = ["CheckLedger", "ClaimFile", "InspectFile", "RecordProcessed"];

    private readonly PipelineProcess pipeline = new();
    private readonly Dictionary<string, int> expectedRows = new(StringComparer.Ordinal);

    [Fact]
    public async Task Kill_9_of_runners_and_uploads_at_random_moments_leaves_one_settled_record_per_upload()
    {
        var files = Setting("FILEPIPELINE_CAMPAIGN_FILES", 300);
        var kills = Setting("FILEPIPELINE_CAMPAIGN_KILLS", 15);
        var random = new Random(Setting("FILEPIPELINE_CAMPAIGN_SEED", 20261206));
        var chunks = WriteFiles("kill", files, random).Chunk((files / Math.Max(1, kills / 3)) + 1).ToList();
        var counts = new Counts();

        // Uploads and runs alternate; half the uploads and most runs are killed.
        for (var round = 0; counts.RunKills + counts.UploadKills < kills || chunks.Count > 0; round++)
        {
            if (chunks.Count > 0)
            {
                var killUpload = random.Next(2) == 0 && counts.RunKills + counts.UploadKills < kills;
                if (await UploadAsync(chunks[0], killAfter: killUpload ? UploadDelay(random) : null))
                {
                    counts.UploadKills++;
                    // The user uploads the chunk again: what had been stored arrives a second time, the same bytes.
                    continue;
                }

                chunks.RemoveAt(0);
            }

            // Every other run also dies right after a random state, so kills land inside executions too.
            var exitAfter = round % 2 == 1 ? $"exit-after={CrashStates[random.Next(CrashStates.Length)]},times={1 + random.Next(4)}" : null;
            if (counts.RunKills + counts.UploadKills < kills && await RunAsync(Delay(random), exitAfter))
            {
                counts.RunKills++;
            }
        }

        await RunAsync(killAfter: null, faults: null);
        var (processed, failed) = LedgerInvariant.Check(pipeline, await pipeline.JsonAsync("files"), expectedRows);
        log.WriteLine($"seed campaign: {files} files, kills: {counts.RunKills} runs + {counts.UploadKills} uploads; PROCESSED {processed}, FAILED (in the DLQ) {failed}");
        Assert.True(counts.RunKills + counts.UploadKills >= kills, $"only {counts.RunKills + counts.UploadKills} of {kills} kills landed");
        Assert.True(counts.UploadKills > 0 && counts.RunKills > 0, $"kills: {counts.RunKills} runs, {counts.UploadKills} uploads");
        Assert.Equal(files, processed + failed);
    }

    public void Dispose() => pipeline.Dispose();

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    /// <summary>A real-time delay on purpose: the kill must land wherever the child happens to be.</summary>
    private static TimeSpan Delay(Random random) => TimeSpan.FromMilliseconds(200 + random.Next(1800));

    /// <summary>Shorter: an upload of one chunk of small files takes well under a second.</summary>
    private static TimeSpan UploadDelay(Random random) => TimeSpan.FromMilliseconds(100 + random.Next(500));

    private List<string> WriteFiles(string prefix, int count, Random random)
    {
        var paths = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix}-{i:D4}.csv";
            var rows = 1 + random.Next(20);
            var content = new StringBuilder("id,name,amount\n");
            for (var row = 0; row < rows; row++)
            {
                content.Append(CultureInfo.InvariantCulture, $"{row},{name}-{row},{random.Next(1000)}.{random.Next(100):D2}\n");
            }

            expectedRows[name] = rows;
            paths.Add(pipeline.WriteInput(name, content.ToString()));
        }

        return paths;
    }

    /// <returns>True when the upload was killed before it ended.</returns>
    private Task<bool> UploadAsync(IEnumerable<string> paths, TimeSpan? killAfter) =>
        EndAsync(pipeline.Start(faults: null, shortVisibility: true, ["upload", .. paths]), killAfter);

    /// <returns>True when the run was killed, by the test or by an exit-after fault.</returns>
    private Task<bool> RunAsync(TimeSpan? killAfter, string? faults) =>
        EndAsync(pipeline.Start(faults, shortVisibility: true, "run", "--until-idle", "--workers", "2"), killAfter);

    private static async Task<bool> EndAsync(RunningCommand command, TimeSpan? killAfter)
    {
        const int Killed = 137;
        using (command)
        {
            if (killAfter is { } delay)
            {
                await Task.Delay(delay);
                if (!command.HasExited)
                {
                    command.Kill();
                    await command.WaitAsync(RunTimeout);
                    return true;
                }
            }

            var exit = await command.WaitAsync(RunTimeout);
            Assert.True(exit is 0 or Killed, $"exited {exit}: {command.Output}");
            return exit == Killed;
        }
    }

    private sealed class Counts
    {
        public int RunKills { get; set; }

        public int UploadKills { get; set; }
    }
}
