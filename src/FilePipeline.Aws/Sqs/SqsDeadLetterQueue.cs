using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Sqs;

/// <summary>
/// <see cref="IDeadLetterQueue"/> over SQS. Redrive is receive → send to the source queue → delete,
/// not StartMessageMoveTask: a move task cannot pick one message, runs asynchronously (so it cannot
/// say how many moved) and is not offered by every SQS emulator. Send-before-delete means a crash
/// in between duplicates a message rather than losing it; the ledger makes the duplicate harmless.
/// </summary>
/// <param name="redriveOne">What redriving one message does instead of sending it to the source queue (a failed-invoke record re-invokes its function); the message is deleted after it.</param>
public sealed class SqsDeadLetterQueue(
    IAmazonSQS sqs, string deadLetterQueueUrl, string sourceQueueUrl, TimeSpan? holdFor = null, Func<Message, CancellationToken, Task>? redriveOne = null) : IDeadLetterQueue
{
    /// <summary>A cap on one sweep, so a very deep DLQ cannot keep a CLI command busy for ever.</summary>
    public const int MaxMessagesPerSweep = 1000;

    // While a sweep looks at the queue it hides what it has seen, so the next receive returns new messages.
    private readonly TimeSpan hold = holdFor ?? TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken)
    {
        var messages = await SweepAsync(cancellationToken).ConfigureAwait(false);
        await ReleaseAsync(messages, cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(ToDeadLetter)];
    }

    public async Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken)
    {
        var messages = await SweepAsync(cancellationToken).ConfigureAwait(false);
        var chosen = messages.Where(m => messageId is null || m.MessageId == messageId).ToList();
        await ReleaseAsync([.. messages.Except(chosen)], cancellationToken).ConfigureAwait(false);
        foreach (var message in chosen)
        {
            if (redriveOne is null)
            {
                await CallAsync(() => sqs.SendMessageAsync(new SendMessageRequest(sourceQueueUrl, message.Body) { MessageAttributes = message.MessageAttributes }, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                await redriveOne(message, cancellationToken).ConfigureAwait(false);
            }

            await CallAsync(() => sqs.DeleteMessageAsync(deadLetterQueueUrl, message.ReceiptHandle, cancellationToken)).ConfigureAwait(false);
        }

        return chosen.Count;
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        // PurgeQueue cannot say how many it removed and may be called only once a minute.
        var messages = await SweepAsync(cancellationToken).ConfigureAwait(false);
        foreach (var batch in messages.Chunk(10))
        {
            await CallAsync(() => sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest(
                deadLetterQueueUrl,
                [.. batch.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle))]), cancellationToken)).ConfigureAwait(false);
        }

        return messages.Count;
    }

    private async Task<List<Message>> SweepAsync(CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, Message>(StringComparer.Ordinal);
        while (seen.Count < MaxMessagesPerSweep)
        {
            var response = await CallAsync(() => sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest(deadLetterQueueUrl)
                {
                    MaxNumberOfMessages = 10,
                    VisibilityTimeout = (int)hold.TotalSeconds,
                    WaitTimeSeconds = 0,
                    MessageSystemAttributeNames = ["All"],
                    MessageAttributeNames = ["All"],
                },
                cancellationToken)).ConfigureAwait(false);
            if (response.Messages is not { Count: > 0 })
            {
                break;
            }

            foreach (var message in response.Messages)
            {
                seen[message.MessageId] = message;
            }
        }

        return [.. seen.Values];
    }

    private async Task ReleaseAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken)
    {
        foreach (var batch in messages.Chunk(10))
        {
            await CallAsync(() => sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest(
                deadLetterQueueUrl,
                [.. batch.Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle) { VisibilityTimeout = 0 })]), cancellationToken)).ConfigureAwait(false);
        }
    }

    private static DeadLetter ToDeadLetter(Message message)
    {
        var attributes = message.Attributes ?? [];
        // Receiving to list counts as a receive too; report the receives before this sweep.
        var receiveCount = attributes.TryGetValue("ApproximateReceiveCount", out var count) ? int.Parse(count, CultureInfo.InvariantCulture) - 1 : 0;
        var sentAt = attributes.TryGetValue("SentTimestamp", out var sent)
            ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(sent, CultureInfo.InvariantCulture))
            : DateTimeOffset.UnixEpoch;
        return new DeadLetter(message.MessageId, message.Body, receiveCount, sentAt);
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (AwsErrorTranslation.IsTransient(e))
        {
            throw AwsErrorTranslation.Unavailable("SQS", e);
        }
    }
}
