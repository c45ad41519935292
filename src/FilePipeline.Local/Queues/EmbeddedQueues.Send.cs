using System.Text;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Queues;

public sealed partial class EmbeddedQueues
{
    /// <summary>Stores one message (SQS SendMessage).</summary>
    /// <exception cref="QueueOperationException">InvalidMessageContents or InvalidParameterValue for a bad body; NonExistentQueue.</exception>
    public async Task<SendMessageResult> SendMessageAsync(string queueName, string body, CancellationToken cancellationToken)
    {
        RequireSendableBody(body);
        var result = await database.WriteAsync((connection, transaction) => Enqueue(connection, transaction, queueName, body)).ConfigureAwait(false);
        signal.Notify();
        return result;
    }

    /// <summary>
    /// Stores up to 10 messages (SQS SendMessageBatch). Request-level mistakes (no entries, more
    /// than 10, repeated or malformed ids, over 256 KiB in total) throw; an entry with a bad body
    /// (or one the <see cref="SendEntryFault"/> hook fails) is reported in Failed while the others are stored.
    /// </summary>
    public async Task<SendMessageBatchResult> SendMessageBatchAsync(string queueName, IReadOnlyList<OutgoingMessage> entries, CancellationToken cancellationToken)
    {
        RequireValidBatch(entries);
        var result = await database.WriteAsync((connection, transaction) =>
        {
            var successful = new List<SendMessageBatchResultEntry>();
            var failed = new List<SendFailure>();
            RequireQueue(connection, transaction, queueName);
            foreach (var entry in entries)
            {
                var failure = SendEntryFault?.Invoke(queueName, entry) ?? BodyFailure(entry);
                if (failure is not null)
                {
                    failed.Add(failure);
                    continue;
                }

                var sent = Enqueue(connection, transaction, queueName, entry.Body);
                successful.Add(new SendMessageBatchResultEntry(entry.Id, sent.MessageId, sent.MD5OfMessageBody));
            }

            return new SendMessageBatchResult(successful, failed);
        }).ConfigureAwait(false);
        signal.Notify();
        return result;
    }

    /// <summary>Adds a message inside the caller's write transaction (the object store commits an object and its event together); the caller calls <see cref="NotifyMessageAvailable"/> after committing.</summary>
    internal SendMessageResult Enqueue(SqliteConnection connection, SqliteTransaction transaction, string queueName, string body)
    {
        RequireSendableBody(body);
        RequireQueue(connection, transaction, queueName);
        var messageId = Guid.NewGuid().ToString();
        var md5 = Md5Hex(body);
        var now = NowMilliseconds();
        connection.Run(
            transaction,
            "INSERT INTO queue_messages(queue, message_id, body, md5, sent_at, visible_at) VALUES ($p0, $p1, $p2, $p3, $p4, $p4)",
            queueName, messageId, body, md5, now);
        return new SendMessageResult(messageId, md5);
    }

    internal void NotifyMessageAvailable() => signal.Notify();

    /// <summary>Completes when a message may have become available in any queue of this instance; take it before looking, so no send is missed. Other processes' sends are not seen.</summary>
    public Task MessageMayBeAvailableAsync() => signal.NextAsync();

    private static void RequireValidBatch(IReadOnlyList<OutgoingMessage> entries)
    {
        if (entries.Count == 0)
        {
            throw new QueueOperationException(QueueErrorCodes.EmptyBatchRequest, "There should be at least one SendMessageBatchRequestEntry in the request.");
        }

        if (entries.Count > SqsLimits.MaxBatchEntries)
        {
            throw new QueueOperationException(QueueErrorCodes.TooManyEntriesInBatchRequest, $"Maximum number of entries per request are {SqsLimits.MaxBatchEntries}. You have sent {entries.Count}.");
        }

        if (entries.FirstOrDefault(entry => !QueueLimits.IsValidBatchEntryId(entry.Id)) is { } invalid)
        {
            throw new QueueOperationException(QueueErrorCodes.InvalidBatchEntryId, $"A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long: '{invalid.Id}'.");
        }

        if (entries.GroupBy(entry => entry.Id, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } repeated)
        {
            throw new QueueOperationException(QueueErrorCodes.BatchEntryIdsNotDistinct, $"Id {repeated.Key} repeated.");
        }

        var totalBytes = entries.Sum(entry => (long)Encoding.UTF8.GetByteCount(entry.Body));
        if (totalBytes > QueueLimits.MaxPayloadBytes)
        {
            throw new QueueOperationException(QueueErrorCodes.BatchRequestTooLong, $"Batch requests cannot be longer than {QueueLimits.MaxPayloadBytes} bytes. You have sent {totalBytes} bytes.");
        }
    }

    private static SendFailure? BodyFailure(OutgoingMessage entry)
    {
        try
        {
            RequireSendableBody(entry.Body);
            return null;
        }
        catch (QueueOperationException e)
        {
            return new SendFailure(entry.Id, e.ErrorCode, e.Message, SenderFault: true);
        }
    }

    private static void RequireSendableBody(string body)
    {
        if (body.Length == 0)
        {
            throw new QueueOperationException(QueueErrorCodes.InvalidParameterValue, "The request must contain the parameter MessageBody.");
        }

        if (Encoding.UTF8.GetByteCount(body) > QueueLimits.MaxPayloadBytes)
        {
            throw new QueueOperationException(QueueErrorCodes.InvalidParameterValue, $"One or more parameters are invalid. Reason: Message must be shorter than {QueueLimits.MaxPayloadBytes} bytes.");
        }

        if (!QueueLimits.HasOnlyAllowedCharacters(body))
        {
            throw new QueueOperationException(QueueErrorCodes.InvalidMessageContents, "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF.");
        }
    }
}
