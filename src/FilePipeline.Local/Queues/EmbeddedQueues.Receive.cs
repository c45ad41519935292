using System.Globalization;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Queues;

public sealed partial class EmbeddedQueues
{
    /// <summary>
    /// Receives up to MaxNumberOfMessages visible messages, hiding each for the visibility timeout
    /// under a new receipt handle (SQS ReceiveMessage). A message that has already been received
    /// maxReceiveCount times moves to the dead-letter queue instead of being delivered. With a
    /// wait time it returns as soon as a message is available, or empty when the wait ends.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveMessageAsync(ReceiveMessageRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxNumberOfMessages is < 1 or > SqsLimits.MaxMessagesPerReceive)
        {
            throw new QueueOperationException(QueueErrorCodes.ReadCountOutOfRange, $"Value {request.MaxNumberOfMessages} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }

        if (request.VisibilityTimeout is { } visibility)
        {
            QueueLimits.RequireRange(visibility, 0, QueueLimits.MaxVisibilityTimeout, nameof(request.VisibilityTimeout));
        }

        if (request.WaitTimeSeconds is { } wait)
        {
            QueueLimits.RequireRange(wait, 0, QueueLimits.MaxWaitTimeSeconds, nameof(request.WaitTimeSeconds));
        }

        // The wait counts from the request, not from when the first look at the queue committed.
        var requested = timeProvider.GetUtcNow();
        while (true)
        {
            var signalled = signal.NextAsync();
            var (messages, attributes) = await TryReceiveAsync(request).ConfigureAwait(false);
            var now = timeProvider.GetUtcNow();
            var deadline = requested.AddSeconds(request.WaitTimeSeconds ?? attributes.ReceiveMessageWaitTimeSeconds);
            if (messages.Count > 0 || now >= deadline)
            {
                return messages;
            }

            await WaitForMessagesAsync(signalled, Min(PollInterval, deadline - now), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the message received with this handle (SQS DeleteMessage). A handle from an earlier receive of a message that has since been received again succeeds without deleting, as SQS documents.</summary>
    /// <exception cref="QueueOperationException">ReceiptHandleIsInvalid for a malformed handle; NonExistentQueue.</exception>
    public Task DeleteMessageAsync(string queueName, string receiptHandle, CancellationToken cancellationToken)
    {
        ReceiptHandle.RequireWellFormed(receiptHandle);
        return database.WriteAsync((connection, transaction) =>
        {
            RequireQueue(connection, transaction, queueName);
            return connection.Run(transaction, "DELETE FROM queue_messages WHERE queue = $p0 AND receipt_handle = $p1", queueName, receiptHandle);
        });
    }

    /// <summary>Deletes up to 10 received messages in one transaction (SQS DeleteMessageBatch), each by the rules of <see cref="DeleteMessageAsync"/>.</summary>
    /// <exception cref="QueueOperationException">EmptyBatchRequest, TooManyEntriesInBatchRequest or ReceiptHandleIsInvalid; nothing is deleted then.</exception>
    public Task DeleteMessageBatchAsync(string queueName, IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        if (receiptHandles.Count is 0 or > SqsLimits.MaxBatchEntries)
        {
            throw new QueueOperationException(
                receiptHandles.Count == 0 ? QueueErrorCodes.EmptyBatchRequest : QueueErrorCodes.TooManyEntriesInBatchRequest,
                $"A batch holds 1 to {SqsLimits.MaxBatchEntries} entries; this one has {receiptHandles.Count}.");
        }

        foreach (var receiptHandle in receiptHandles)
        {
            ReceiptHandle.RequireWellFormed(receiptHandle);
        }

        return database.WriteAsync((connection, transaction) =>
        {
            RequireQueue(connection, transaction, queueName);
            return receiptHandles.Sum(receiptHandle => connection.Run(transaction, "DELETE FROM queue_messages WHERE queue = $p0 AND receipt_handle = $p1", queueName, receiptHandle));
        });
    }

    /// <summary>Makes the received message visible again after <paramref name="visibilityTimeout"/> seconds from now; 0 makes it visible at once (SQS ChangeMessageVisibility).</summary>
    /// <exception cref="QueueOperationException">ReceiptHandleIsInvalid when the handle is malformed or no longer names the message's latest receive.</exception>
    public async Task ChangeMessageVisibilityAsync(string queueName, string receiptHandle, int visibilityTimeout, CancellationToken cancellationToken)
    {
        ReceiptHandle.RequireWellFormed(receiptHandle);
        QueueLimits.RequireRange(visibilityTimeout, 0, QueueLimits.MaxVisibilityTimeout, "VisibilityTimeout");
        await database.WriteAsync((connection, transaction) =>
        {
            RequireQueue(connection, transaction, queueName);
            var changed = connection.Run(
                transaction,
                "UPDATE queue_messages SET visible_at = $p2 WHERE queue = $p0 AND receipt_handle = $p1",
                queueName, receiptHandle, NowMilliseconds() + (visibilityTimeout * 1000L));
            return changed != 0
                ? changed
                : throw new QueueOperationException(QueueErrorCodes.ReceiptHandleIsInvalid, $"The receipt handle has expired: \"{receiptHandle}\".");
        }).ConfigureAwait(false);
        if (visibilityTimeout == 0)
        {
            signal.Notify();
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Looks before it writes: an empty look costs no write transaction (idle pollers stay off the one writer).</summary>
    private async ValueTask<(IReadOnlyList<ReceivedMessage> Messages, QueueAttributes Attributes)> TryReceiveAsync(ReceiveMessageRequest request)
    {
        using (var connection = database.Open())
        {
            var attributes = RequireQueue(connection, null, request.QueueName);
            if (connection.Scalar(null, "SELECT 1 FROM queue_messages WHERE queue = $p0 AND visible_at <= $p1 LIMIT 1", request.QueueName, NowMilliseconds()) is null)
            {
                return ([], attributes);
            }
        }

        return await database.WriteAsync((connection, transaction) => TryReceive(connection, transaction, request)).ConfigureAwait(false);
    }

    private (IReadOnlyList<ReceivedMessage> Messages, QueueAttributes Attributes) TryReceive(SqliteConnection connection, SqliteTransaction transaction, ReceiveMessageRequest request)
    {
        var attributes = RequireQueue(connection, transaction, request.QueueName);
        var now = NowMilliseconds();
        connection.Run(transaction, "DELETE FROM queue_messages WHERE queue = $p0 AND sent_at <= $p1", request.QueueName, RetentionCutoff(attributes, now));
        var visibleUntil = now + ((request.VisibilityTimeout ?? attributes.VisibilityTimeout) * 1000L);
        var received = new List<ReceivedMessage>();
        var after = 0L;
        while (received.Count < request.MaxNumberOfMessages)
        {
            var candidates = connection.Query(
                transaction,
                "SELECT seq, message_id, body, md5, sent_at, receive_count, first_received_at FROM queue_messages WHERE queue = $p0 AND visible_at <= $p1 AND seq > $p2 ORDER BY seq LIMIT $p3",
                reader => new Candidate(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt32(5), reader.GetNullableInt64(6)),
                request.QueueName, now, after, request.MaxNumberOfMessages - received.Count);
            if (candidates.Count == 0)
            {
                break;
            }

            foreach (var candidate in candidates)
            {
                after = candidate.Seq;
                if (attributes.RedrivePolicy is { } policy && candidate.ReceiveCount >= policy.MaxReceiveCount)
                {
                    MoveToDeadLetterQueue(connection, transaction, candidate.Seq, request.QueueName, policy.DeadLetterTarget, now);
                    continue;
                }

                received.Add(Deliver(connection, transaction, candidate, now, visibleUntil));
            }
        }

        return (received, attributes);
    }

    /// <summary>The message keeps its id, body, receive count and sent time (so its retention still counts from the original send, as SQS does for standard queues).</summary>
    private static void MoveToDeadLetterQueue(SqliteConnection connection, SqliteTransaction transaction, long seq, string sourceQueue, string deadLetterQueue, long now) =>
        connection.Run(
            transaction,
            "UPDATE queue_messages SET queue = $p1, visible_at = $p2, receipt_handle = NULL, dead_lettered_from = $p3 WHERE seq = $p0",
            seq, deadLetterQueue, now, sourceQueue);

    private static ReceivedMessage Deliver(SqliteConnection connection, SqliteTransaction transaction, Candidate candidate, long now, long visibleUntil)
    {
        var receiptHandle = ReceiptHandle.New();
        var receiveCount = candidate.ReceiveCount + 1;
        var firstReceivedAt = candidate.FirstReceivedAt ?? now;
        connection.Run(
            transaction,
            "UPDATE queue_messages SET receive_count = $p1, first_received_at = $p2, receipt_handle = $p3, visible_at = $p4 WHERE seq = $p0",
            candidate.Seq, receiveCount, firstReceivedAt, receiptHandle, visibleUntil);
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessageAttributeNames.ApproximateReceiveCount] = receiveCount.ToString(CultureInfo.InvariantCulture),
            [MessageAttributeNames.SentTimestamp] = candidate.SentAt.ToString(CultureInfo.InvariantCulture),
            [MessageAttributeNames.ApproximateFirstReceiveTimestamp] = firstReceivedAt.ToString(CultureInfo.InvariantCulture),
            [MessageAttributeNames.SenderId] = SenderId,
        };
        return new ReceivedMessage(candidate.MessageId, receiptHandle, candidate.Body, candidate.Md5, attributes);
    }

    /// <summary>Waits for <paramref name="signalled"/> (from <see cref="MessageMayBeAvailableAsync"/>) or <paramref name="delay"/> on this instance's clock, whichever comes first.</summary>
    internal async Task WaitForMessagesAsync(Task signalled, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delayed = Task.Delay(delay, timeProvider, stopDelay.Token);
        await Task.WhenAny(signalled, delayed).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed record Candidate(long Seq, string MessageId, string Body, string Md5, long SentAt, int ReceiveCount, long? FirstReceivedAt);
}
