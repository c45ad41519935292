using FilePipeline.Core.Ledger;
using FilePipeline.Host.EventSources;
using FilePipeline.Local.Queues;

namespace FilePipeline.Host.Tests.Hosting;

/// <summary>A run until idle that can only wait for a crashed run's message says what it waits for, and when.</summary>
public sealed class WaitingRunTests : IDisposable
{
    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task A_run_waiting_for_a_crashed_runs_message_reports_it_with_when_it_returns_and_then_processes_it()
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", "id\n1\n");
        // A run that crashed right after receiving the S3 event: the event is in flight for 600 s.
        var received = await pipeline.Queues.ReceiveMessageAsync(new ReceiveMessageRequest(pipeline.AsyncInvokeQueue) { VisibilityTimeout = 600 }, CancellationToken.None);
        var returnsAt = fixture.Time.GetUtcNow().AddSeconds(600);
        Assert.Single(received);

        var reports = new List<InFlightMessages>();
        var runner = new PipelineRunner(pipeline, report =>
        {
            lock (reports)
            {
                reports.Add(report);
            }
        });
        var run = runner.RunAsync(RunMode.UntilIdle, workers: 1, CancellationToken.None);
        for (var step = 0; step < 5_000 && !run.IsCompleted; step++)
        {
            await Task.Delay(1);
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await run;
        lock (reports)
        {
            Assert.Equal(new InFlightMessages(1, returnsAt), reports[0]);
            Assert.InRange(reports.Count, 2, (600 / PipelineRunner.WaitingReportInterval.TotalSeconds) + 2);
        }

        Assert.Equal(FileStatus.Processed, Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None)).Status);
    }
}
