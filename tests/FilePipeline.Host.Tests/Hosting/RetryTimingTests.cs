using FilePipeline.Core.Ledger;
using FilePipeline.Functions.Settings;
using FilePipeline.Host;
using FilePipeline.Host.EventSources;
using FilePipeline.Host.Template;

namespace FilePipeline.Host.Tests.Hosting;

/// <summary>
/// One retry-timing mechanism, as on AWS: ProcessQueue sets each failed message's backoff with
/// ChangeMessageVisibility, the event source mapping leaves failed messages alone, and the queue
/// redrives after maxReceiveCount receives. Measured on a fake clock, one second at a time.
/// </summary>
public sealed class RetryTimingTests : IDisposable
{
    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task A_file_that_always_fails_is_received_maxReceiveCount_times_with_the_configured_backoffs_between_and_then_parked()
    {
        var options = fixture.Options("fail=InspectFile,key=in/*") with
        {
            EnvironmentOverrides = new Dictionary<string, string> { [FunctionEnvironment.RetryBackoffSeconds] = "10,30" },
        };
        var pipeline = await fixture.OpenAsync(options);
        var start = fixture.Time.GetUtcNow();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", "id\n1\n");

        var parkedAfter = await SecondsUntilParkedAsync(pipeline);

        var receivedAfter = pipeline.Executions.List().Select(e => (int)(e.StartDate - start).TotalSeconds).Order();
        Assert.Equal([0, 10, 40], receivedAfter);
        Assert.Equal(70, parkedAfter);
        Assert.Equal(pipeline.Template.WorkQueue.Redrive!.MaxReceiveCount, Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None)).ReceiveCount);
        Assert.Equal(FileStatus.Failed, Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_poison_message_is_received_maxReceiveCount_times_with_the_configured_backoffs_between_and_then_parked()
    {
        var options = fixture.Options() with
        {
            EnvironmentOverrides = new Dictionary<string, string> { [FunctionEnvironment.RetryBackoffSeconds] = "10,30" },
        };
        var pipeline = await fixture.OpenAsync(options);
        await pipeline.Queues.SendMessageAsync(pipeline.Template.WorkQueue.Name, "not a file message", CancellationToken.None);

        var parkedAfter = await SecondsUntilParkedAsync(pipeline);

        // Receives at 0, 10 and 40 s, the last backoff (30 s) repeating: parked by the receive at 70 s, as on SQS (Aws.Tests' SqsRetryTimingTests).
        Assert.Equal(70, parkedAfter);
        Assert.Equal(pipeline.Template.WorkQueue.Redrive!.MaxReceiveCount, Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None)).ReceiveCount);
        Assert.Empty(pipeline.Executions.List());
    }

    [Fact]
    public async Task Without_an_override_the_templates_own_backoff_applies_locally()
    {
        var template = PipelineTemplate.Load(PipelineFixture.TemplatePath);
        var backoff = LocalFunctions.SettingsOf(template.ProcessQueue, new Dictionary<string, string>()).RetryBackoff;
        var pipeline = await fixture.OpenAsync(fixture.Options() with { EnvironmentOverrides = new Dictionary<string, string>() });
        await pipeline.Queues.SendMessageAsync(pipeline.Template.WorkQueue.Name, "not a file message", CancellationToken.None);
        var runner = new PipelineRunner(pipeline);
        Assert.True(await runner.PollOnceAsync());

        fixture.Time.Advance(backoff[0] - TimeSpan.FromSeconds(1));
        Assert.False(await runner.PollOnceAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await runner.PollOnceAsync());
    }

    private async Task<int?> SecondsUntilParkedAsync(LocalPipeline pipeline)
    {
        var runner = new PipelineRunner(pipeline);
        for (var second = 0; second <= 600; second++)
        {
            while (await runner.PollOnceAsync())
            {
            }

            if ((await pipeline.DeadLetters.ListAsync(CancellationToken.None)).Count > 0)
            {
                return second;
            }

            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }

        return null;
    }
}
