namespace FilePipeline.Core.Ports;

/// <summary>
/// What the in-process host keeps in its state directory whichever backend holds the bucket, queues
/// and table: the queues standing in for Lambda's asynchronous invocations, and how to wait on them.
/// </summary>
public interface ILocalState
{
    /// <summary>Creates (or brings in line with the settings) the async-invoke queue and its OnFailure destination.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of the range the service allows.</exception>
    Task<InvocationQueues> OpenInvocationQueuesAsync(QueueResource events, QueueResource failures, CancellationToken cancellationToken);

    /// <summary>A task that completes when this process may have made a message available; take it before polling so none is missed.</summary>
    Task MessageMayBeAvailableAsync();

    /// <summary>Waits for <paramref name="signalled"/> (from <see cref="MessageMayBeAvailableAsync"/>) or <paramref name="delay"/> on the state's clock, whichever comes first.</summary>
    Task WaitForMessagesAsync(Task signalled, TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>True for the error that means another process held the state past its busy timeout: poll again, nothing is lost.</summary>
    bool IsBusy(Exception exception);
}

/// <summary>Lambda's asynchronous invocations of one function: the queued events, and the OnFailure destination's invocation records.</summary>
/// <param name="ParkedFailures">The failure records as a dead-letter queue lists and purges them.</param>
public sealed record InvocationQueues(IJobQueue Events, IWorkQueueConsumer EventConsumer, IJobQueue Failures, IWorkQueueConsumer FailureConsumer, IDeadLetterQueue ParkedFailures);
