using FilePipeline.Core.Ports;

namespace FilePipeline.Core.Ports;

/// <summary>
/// The consumer side of the work queue that the event source mapping drives: the SQS calls a Lambda
/// poller makes. The embedded queue and a real SQS queue (composed by the CLI) both provide it.
/// </summary>
public interface IWorkQueueConsumer : IMessageVisibility
{
    /// <summary>ReceiveMessage without waiting; each message carries its system attributes (ApproximateReceiveCount …).</summary>
    Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, int? visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>DeleteMessageBatch of at most 10 receipt handles.</summary>
    Task DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken);

    /// <summary>True when no message is visible or in flight.</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>When each message received but not deleted becomes visible again; empty where the queue cannot list them (SQS).</summary>
    Task<IReadOnlyList<DateTimeOffset>> InFlightUntilAsync(CancellationToken cancellationToken);
}
