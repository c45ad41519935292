namespace FilePipeline.Host.EventSources;

/// <summary>
/// Drives the pipeline's two event sources (S3 → ValidateUpload, work queue → ProcessQueue) with N
/// pollers each. Every step is a queue operation in the state directory, so runners in several
/// processes share one state directory safely: a received message is invisible to the others until
/// deleted or its visibility lapses, and a killed runner loses nothing: once idle, the files its
/// kill left PROCESSING are recorded FAILED (<see cref="AbandonedWorkSweep"/>).
/// </summary>
/// <param name="onWaiting">Told, when a run until idle has nothing to do but wait for in-flight messages, what it waits for (then every <see cref="WaitingReportInterval"/>).</param>
public sealed class PipelineRunner(LocalPipeline pipeline, Action<InFlightMessages>? onWaiting = null)
{
    /// <summary>How often a waiting run says again what it is waiting for.</summary>
    public static readonly TimeSpan WaitingReportInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle runner looks at the queues again when nothing woke it.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a watching runner that stays idle looks for files a kill left PROCESSING (a ledger scan).</summary>
    private static readonly TimeSpan WatchSweepInterval = TimeSpan.FromSeconds(5);

    private readonly AsyncInvokePoller asyncInvokes = new(pipeline);
    private readonly EventSourceMapping workMapping = new(pipeline);
    private readonly AbandonedWorkSweep sweep = new(pipeline.Ledger, pipeline.Options.Time);
    private DateTimeOffset nextWatchSweep;

    private int busyRounds;
    private long nextWaitingReport = long.MinValue;

    /// <summary>Rounds that found the database locked by another process for longer than the busy timeout, and polled again.</summary>
    public int BusyRounds => busyRounds;

    /// <summary>One round: up to ten S3 events to ValidateUpload (invoked concurrently) and one batch to ProcessQueue. False when nothing was visible.</summary>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var validated = await asyncInvokes.PollAsync(cancellationToken);
        var processed = await workMapping.PollAsync(cancellationToken);
        return validated || processed;
    }

    /// <summary>True when neither event source has a message, visible or in flight (including other processes' and retry-delayed ones).</summary>
    public async Task<bool> IsIdleAsync(CancellationToken cancellationToken = default)
    {
        return await pipeline.AsyncInvocations.EventConsumer.IsEmptyAsync(cancellationToken) && await pipeline.Services.WorkQueueConsumer.IsEmptyAsync(cancellationToken);
    }

    /// <summary>
    /// True when idle and no file is left PROCESSING. Idle, nothing can deliver a PROCESSING file any
    /// more, so the files a kill left PROCESSING are recorded FAILED once no live lease holds them.
    /// </summary>
    public async Task<bool> IsSettledAsync(CancellationToken cancellationToken = default) =>
        await IsIdleAsync(cancellationToken) && await sweep.SweepAsync(cancellationToken) == 0;

    /// <summary>
    /// Runs <paramref name="workers"/> pollers of each event source until idle (<see cref="RunMode.UntilIdle"/>)
    /// or until cancelled (<see cref="RunMode.Watch"/>). Each source is polled on its own, as Lambda's
    /// pollers are: a batch of work messages runs while the next S3 events are validated, and their
    /// writes share commits instead of waiting for each other's round.
    /// </summary>
    public Task RunAsync(RunMode mode, int workers, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Func<CancellationToken, Task<bool>>[] sources = [asyncInvokes.PollAsync, workMapping.PollAsync];
        return Task.WhenAll(sources.SelectMany(poll => Enumerable.Range(0, workers)
            .Select(_ => Task.Run(() => WorkAsync(poll, mode, cancellationToken), cancellationToken))));
    }

    /// <summary>Says what the run waits for, at most once per interval across all workers.</summary>
    private async Task ReportWaitingAsync(CancellationToken cancellationToken)
    {
        var now = pipeline.Options.Time.GetUtcNow();
        var due = Interlocked.Read(ref nextWaitingReport);
        if (onWaiting is null || now.UtcTicks < due
            || Interlocked.CompareExchange(ref nextWaitingReport, (now + WaitingReportInterval).UtcTicks, due) != due)
        {
            return;
        }

        var inFlight = await InFlightMessages.ReadAsync(pipeline, cancellationToken);
        if (inFlight.Count > 0)
        {
            onWaiting(inFlight);
        }
    }

    private async Task WorkAsync(Func<CancellationToken, Task<bool>> poll, RunMode mode, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var sent = pipeline.State.MessageMayBeAvailableAsync();
            try
            {
                if (await poll(cancellationToken))
                {
                    continue;
                }

                if (mode == RunMode.UntilIdle)
                {
                    if (await IsSettledAsync(cancellationToken))
                    {
                        return;
                    }

                    await ReportWaitingAsync(cancellationToken);
                }
                else if (pipeline.Options.Time.GetUtcNow() >= nextWatchSweep && await IsIdleAsync(cancellationToken))
                {
                    nextWatchSweep = pipeline.Options.Time.GetUtcNow() + WatchSweepInterval;
                    await sweep.SweepAsync(cancellationToken);
                }
            }
            catch (Exception e) when (pipeline.State.IsBusy(e))
            {
                // Another process held the database past the busy timeout: a message this round
                // received stays invisible and comes back after its visibility timeout, so nothing
                // is lost by polling again instead of ending the run.
                Interlocked.Increment(ref busyRounds);
            }

            await WaitForWorkAsync(sent, cancellationToken);
        }
    }

    /// <summary>
    /// Wakes at once when this process sends to a queue (an upload's event, ValidateUpload's
    /// message, a retry made visible), else after the poll interval: the fallback for messages from
    /// other processes, the AWS backend's queue, and visibility timeouts running out.
    /// </summary>
    private Task WaitForWorkAsync(Task sent, CancellationToken cancellationToken) =>
        pipeline.State.WaitForMessagesAsync(sent, PollInterval, cancellationToken);
}
