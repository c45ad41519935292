using FilePipeline.Core.Ports;

namespace FilePipeline.Local.Queues;

/// <summary>The pipeline's dead-letter queue over one named embedded queue; redrive sends messages back to the queue they came from.</summary>
public sealed class EmbeddedDeadLetterQueue(EmbeddedQueues queues, string queueName) : IDeadLetterQueue
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        var messages = await queues.ListMessagesAsync(queueName, cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(message => new DeadLetter(message.MessageId, message.Body, message.ReceiveCount, message.SentAt))];
    }

    public Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken) =>
        queues.MoveMessagesAsync(queueName, messageId, destinationQueue: null, cancellationToken);

    public Task<int> PurgeAsync(CancellationToken cancellationToken) => queues.PurgeQueueAsync(queueName, cancellationToken);
}
