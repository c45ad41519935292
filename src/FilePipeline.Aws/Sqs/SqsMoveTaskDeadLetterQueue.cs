using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Sqs;

/// <summary>
/// A deployed stack's DLQ as the SQS console redrives it: every message back to the queue it came
/// from with StartMessageMoveTask (SQS moves them itself, at its own pace, keeping their
/// attributes). One message by id cannot be picked by a move task, so that and listing and
/// purging are <see cref="SqsDeadLetterQueue"/>'s.
/// </summary>
public sealed class SqsMoveTaskDeadLetterQueue(IAmazonSQS sqs, string deadLetterQueueUrl, SqsDeadLetterQueue messages) : IDeadLetterQueue
{
    public Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken) => messages.ListAsync(cancellationToken);

    public Task<int> PurgeAsync(CancellationToken cancellationToken) => messages.PurgeAsync(cancellationToken);

    /// <returns>For all: the messages the DLQ held when the move task started (SQS moves them after this returns).</returns>
    public async Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken)
    {
        if (messageId is not null)
        {
            return await messages.RedriveAsync(messageId, cancellationToken).ConfigureAwait(false);
        }

        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = deadLetterQueueUrl, AttributeNames = ["QueueArn", "ApproximateNumberOfMessages"] },
            cancellationToken).ConfigureAwait(false);
        var waiting = attributes.ApproximateNumberOfMessages;
        if (waiting == 0)
        {
            return 0;
        }

        // No DestinationArn: SQS returns each message to the queue it was dead-lettered from.
        await sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = attributes.QueueARN }, cancellationToken).ConfigureAwait(false);
        return waiting;
    }
}
