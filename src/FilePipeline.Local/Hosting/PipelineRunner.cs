using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// Drives the pipeline's event sources with N pollers. Every step is a queue operation in SQLite,
/// so runners in several processes share one state directory safely: a received message is
/// invisible to the others until deleted or its visibility lapses, and a killed runner loses nothing:
/// once idle, the files its kill left PROCESSING are recorded FAILED (<see cref="AbandonedWorkSweep"/>).
/// </summary>
public sealed class PipelineRunner(LocalPipeline pipeline)
{
    /// <summary>How often a watching runner that stays idle looks for files a kill left PROCESSING (a ledger scan).</summary>
    private static readonly TimeSpan WatchSweepInterval = TimeSpan.FromSeconds(5);

    private readonly AsyncInvokePoller asyncInvokes = new(pipeline);
    private readonly EventSourceMapping workMapping = new(pipeline);
    private readonly AbandonedWorkSweep sweep = new(pipeline.Ledger, pipeline.Options.Time);
    private DateTimeOffset nextWatchSweep;

    /// <summary>One round: at most one S3 event to ValidateUpload and one batch to ProcessQueue. False when nothing was visible.</summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var validated = await asyncInvokes.PollAsync(cancellationToken);
        var processed = await workMapping.PollAsync(cancellationToken);
        return validated || processed;
    }

    /// <summary>True when neither event source has a message, visible or in flight (including other processes' and retry-delayed ones).</summary>
    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken = default)
    {
        var counts = await pipeline.Queues.GetQueueCountsAsync(pipeline.AsyncInvokeQueue, cancellationToken);
        return counts.Visible + counts.NotVisible == 0 && await pipeline.Services.WorkQueueConsumer.IsEmptyAsync(cancellationToken);
    }

    /// <summary>
    /// True when idle and no file is left PROCESSING. Idle, nothing can deliver a PROCESSING file any
    /// more, so the files a kill left PROCESSING are recorded FAILED once no live lease holds them.
    /// </summary>
    public async Task<bool> IsSettledAsync(CancellationToken cancellationToken = default) =>
        await IsIdleAsync(cancellationToken) && await sweep.SweepAsync(cancellationToken) == 0;

    /// <summary>Runs <paramref name="workers"/> pollers until idle (<see cref="RunMode.UntilIdle"/>) or until cancelled (<see cref="RunMode.Watch"/>).</summary>
    public Task RunAsync(RunMode mode, int workers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        return Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(mode, cancellationToken), cancellationToken)));
    }

    private async Task WorkAsync(RunMode mode, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await PollOnceAsync(cancellationToken))
            {
                continue;
            }

            if (mode == RunMode.UntilIdle)
            {
                if (await IsSettledAsync(cancellationToken))
                {
                    return;
                }
            }
            else if (pipeline.Options.Time.GetUtcNow() >= nextWatchSweep && await IsIdleAsync(cancellationToken))
            {
                nextWatchSweep = pipeline.Options.Time.GetUtcNow() + WatchSweepInterval;
                await sweep.SweepAsync(cancellationToken);
            }

            await Task.Delay(EmbeddedQueues.PollInterval, pipeline.Options.Time, cancellationToken);
        }
    }
}
