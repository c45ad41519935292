using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Queues;

/// <summary>The work queue's consumer side on the embedded queues.</summary>
public sealed class EmbeddedWorkQueueConsumer(EmbeddedQueues queues, string queueName, TimeProvider time) : IWorkQueueConsumer
{
    public Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, int? visibilityTimeout, CancellationToken cancellationToken) =>
        queues.ReceiveMessageAsync(new ReceiveMessageRequest(queueName) { MaxNumberOfMessages = maxMessages, VisibilityTimeout = visibilityTimeout, WaitTimeSeconds = 0 }, cancellationToken);

    public Task DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken) =>
        queues.DeleteMessageBatchAsync(queueName, receiptHandles, cancellationToken);

    public Task ChangeVisibilityAsync(string receiptHandle, int seconds, CancellationToken cancellationToken) =>
        MessageVisibility.RetryLaterAsync(queues, queueName, receiptHandle, seconds, cancellationToken);

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var counts = await queues.GetQueueCountsAsync(queueName, cancellationToken);
        return counts.Visible + counts.NotVisible == 0;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> InFlightUntilAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return [.. (await queues.ListMessagesAsync(queueName, cancellationToken)).Select(m => m.VisibleAt).Where(visibleAt => visibleAt > now)];
    }
}
