using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Core.Ports;
using PortReceivedMessage = FilePipeline.Core.Ports.ReceivedMessage;

namespace FilePipeline.Aws.Sqs;

/// <summary>The work queue's consumer side on a real SQS queue: the calls Lambda's SQS poller makes.</summary>
public sealed class SqsWorkQueueConsumer(IAmazonSQS sqs, string queueUrl) : IWorkQueueConsumer
{
    private readonly SqsMessageVisibility visibility = new(sqs, queueUrl);

    public async Task<IReadOnlyList<PortReceivedMessage>> ReceiveAsync(int maxMessages, int? visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = maxMessages,
                VisibilityTimeout = visibilityTimeout,
                WaitTimeSeconds = 0,
                MessageSystemAttributeNames = ["All"],
            },
            cancellationToken);
        return [.. (response.Messages ?? []).Select(m => new PortReceivedMessage(
            m.MessageId, m.ReceiptHandle, m.Body, m.MD5OfBody, new Dictionary<string, string>(m.Attributes ?? [], StringComparer.Ordinal)))];
    }

    public async Task DeleteBatchAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        var entries = receiptHandles.Select((handle, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), handle)).ToList();
        await sqs.DeleteMessageBatchAsync(queueUrl, entries, cancellationToken);
    }

    public Task ChangeVisibilityAsync(string receiptHandle, int seconds, CancellationToken cancellationToken) =>
        visibility.ChangeVisibilityAsync(receiptHandle, seconds, cancellationToken);

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        var attributes = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"] },
            cancellationToken);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible == 0;
    }

    public Task<IReadOnlyList<DateTimeOffset>> InFlightUntilAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DateTimeOffset>>([]);
}
