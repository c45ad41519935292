using FilePipeline.Core.Ledger;
using FilePipeline.Host.EventSources;
using FilePipeline.Host.Integrations;

namespace FilePipeline.Host.Tests.Hosting;

/// <summary>
/// A task timeout on the real definition: Step Functions records States.Timeout with no Cause, so the
/// definition's NameMissingCause state names one before RecordFailure writes lastError.
/// </summary>
public sealed class TaskTimeoutTests : IDisposable
{
    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task An_InspectFile_task_that_times_out_ends_FAILED_with_a_readable_lastError_and_its_message_in_the_DLQ()
    {
        var pipeline = await fixture.OpenAsync();
        var invocations = 0;
        // The invocation never answers. The clock passes InspectFile's TimeoutSeconds (60) before the
        // handler first yields: the engine's timer runs from the invocation's start, so it fires at once.
        pipeline.TaskHandlers.Register(LambdaInvokeTaskHandler.Resource, async (_, cancellationToken) =>
        {
            invocations++;
            fixture.Time.Advance(TimeSpan.FromSeconds(61));
            await Task.Delay(Timeout.InfiniteTimeSpan, fixture.Time, cancellationToken);
            return null;
        });
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", "id\n1\n");

        // Bounded in real time: a timer armed after the handler's clock jump would never fire and the run would hang.
        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline)).WaitAsync(TimeSpan.FromMinutes(1));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Failed, "States.Timeout: the state ended without a cause"), (record.Status, record.LastError));
        var maxReceiveCount = pipeline.Template.WorkQueue.Redrive!.MaxReceiveCount;
        Assert.Equal(maxReceiveCount, record.Attempts);
        Assert.Equal(maxReceiveCount, invocations);
        Assert.Equal(maxReceiveCount, Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None)).ReceiveCount);
        Assert.All(pipeline.Executions.List(), execution => Assert.Equal(("FAILED", "States.Timeout"), (execution.Status, execution.Error)));
    }
}
