using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Queues;

public sealed partial class EmbeddedQueues
{
    /// <summary>
    /// Moves one message (by id) or every message out of a dead-letter queue, to
    /// <paramref name="destinationQueue"/> or else back to the queue each came from (SQS
    /// StartMessageMoveTask, done at once). As SQS documents, a moved message is a new message:
    /// new message id, new sent time, receive count 0. Returns how many moved.
    /// </summary>
    public Task<int> MoveMessagesAsync(string deadLetterQueue, string? messageId, string? destinationQueue, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        RequireQueue(connection, transaction, deadLetterQueue);
        if (destinationQueue is not null)
        {
            RequireQueue(connection, transaction, destinationQueue);
        }

        var parked = connection.Query(
            transaction,
            "SELECT seq, body, dead_lettered_from FROM queue_messages WHERE queue = $p0 AND ($p1 IS NULL OR message_id = $p1) ORDER BY seq",
            reader => (Seq: reader.GetInt64(0), Body: reader.GetString(1), Source: reader.GetNullableString(2)),
            deadLetterQueue, messageId);
        foreach (var message in parked)
        {
            var target = destinationQueue ?? message.Source ?? SoleSourceQueue(connection, transaction, deadLetterQueue);
            connection.Run(transaction, "DELETE FROM queue_messages WHERE seq = $p0", message.Seq);
            Enqueue(connection, transaction, target, message.Body);
        }

        transaction.Commit();
        signal.Notify();
        return Task.FromResult(parked.Count);
    }

    /// <summary>For a message sent straight to a dead-letter queue: the one queue whose redrive policy targets it.</summary>
    private static string SoleSourceQueue(SqliteConnection connection, SqliteTransaction transaction, string deadLetterQueue)
    {
        var sources = connection.Query(transaction, "SELECT name FROM queues WHERE dead_letter_target = $p0", reader => reader.GetString(0), deadLetterQueue);
        return sources.Count == 1
            ? sources[0]
            : throw new QueueOperationException(QueueErrorCodes.InvalidParameterValue, $"Queue {deadLetterQueue} is the dead-letter queue of {sources.Count} queues; name the destination.");
    }
}
