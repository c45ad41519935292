using FilePipeline.Core.Ports;

namespace FilePipeline.Local.Queues;

/// <summary>The pipeline's work queue over one named embedded queue.</summary>
public sealed class EmbeddedJobQueue(EmbeddedQueues queues, string queueName) : IJobQueue
{
    /// <exception cref="ArgumentException">No entries, more than 10, repeated or malformed ids, or over 256 KiB in total: a caller bug, as SQS rejects the whole request.</exception>
    public async Task<IReadOnlyList<SendFailure>> SendBatchAsync(IReadOnlyList<OutgoingMessage> entries, CancellationToken cancellationToken)
    {
        try
        {
            var result = await queues.SendMessageBatchAsync(queueName, entries, cancellationToken).ConfigureAwait(false);
            return result.Failed;
        }
        catch (QueueOperationException e) when (e.ErrorCode != QueueErrorCodes.QueueDoesNotExist)
        {
            throw new ArgumentException($"{e.ErrorCode}: {e.Message}", nameof(entries), e);
        }
    }
}
