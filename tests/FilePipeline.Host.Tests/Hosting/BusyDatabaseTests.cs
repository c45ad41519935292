using FilePipeline.Core.Ledger;
using FilePipeline.Host.EventSources;
using FilePipeline.Local.Storage;

namespace FilePipeline.Host.Tests.Hosting;

public sealed class BusyDatabaseTests : IDisposable
{
    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task A_runner_outlasts_a_lock_held_past_the_busy_timeout_and_then_finishes_the_batch()
    {
        var pipeline = await fixture.OpenAsync(fixture.Options() with { BusyTimeout = TimeSpan.FromMilliseconds(50) });
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", "id\n1\n2\n");
        var runner = new PipelineRunner(pipeline);

        using var blocker = pipeline.Database.Open();
        LocalDatabase.Execute(blocker, "BEGIN IMMEDIATE");
        var run = runner.RunAsync(RunMode.UntilIdle, workers: 1, CancellationToken.None);
        for (var wait = 0; wait < 500 && runner.BusyRounds == 0 && !run.IsCompleted; wait++)
        {
            await Task.Delay(10);
        }

        LocalDatabase.Execute(blocker, "ROLLBACK");
        for (var step = 0; step < 2_000 && !run.IsCompleted; step++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        await run;
        Assert.True(runner.BusyRounds > 0);
        Assert.Equal(FileStatus.Processed, Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None)).Status);
    }
}
