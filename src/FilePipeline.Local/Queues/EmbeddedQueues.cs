using System.Security.Cryptography;
using System.Text;
using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Queues;

/// <summary>
/// Named queues with SQS standard-queue semantics, kept in the state directory's SQLite database:
/// at-least-once delivery, visibility timeouts, receipt handles, long polling, redrive to a
/// dead-letter queue and back. Every write is one BEGIN IMMEDIATE transaction, so several
/// instances and processes on one database never hand out a message twice while it is invisible.
/// </summary>
public sealed partial class EmbeddedQueues
{
    private const string SenderId = "filepipeline-local";

    private readonly LocalDatabase database;
    private readonly TimeProvider timeProvider;
    private readonly QueueSignal signal = new();

    public EmbeddedQueues(LocalDatabase database, TimeProvider timeProvider)
    {
        this.database = database;
        this.timeProvider = timeProvider;
        using var connection = database.Open();
        LocalDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS queues(
                name TEXT PRIMARY KEY,
                visibility_timeout INTEGER NOT NULL,
                retention_period INTEGER NOT NULL,
                receive_wait_time INTEGER NOT NULL,
                dead_letter_target TEXT NULL,
                max_receive_count INTEGER NULL);
            CREATE TABLE IF NOT EXISTS queue_messages(
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                queue TEXT NOT NULL REFERENCES queues(name),
                message_id TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                md5 TEXT NOT NULL,
                sent_at INTEGER NOT NULL,
                visible_at INTEGER NOT NULL,
                receive_count INTEGER NOT NULL DEFAULT 0,
                first_received_at INTEGER NULL,
                receipt_handle TEXT NULL UNIQUE,
                dead_lettered_from TEXT NULL);
            CREATE INDEX IF NOT EXISTS queue_messages_ready ON queue_messages(queue, visible_at, seq);
            -- Every receive first drops the messages past retention: without this, a scan of the whole queue.
            CREATE INDEX IF NOT EXISTS queue_messages_sent ON queue_messages(queue, sent_at);
            """);
    }

    /// <summary>How often a long poll re-reads the database for messages sent by other processes.</summary>
    public static TimeSpan PollInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Test and demo hook: called for every SendMessageBatch entry; a non-null result makes that
    /// entry fail with it instead of being stored (a partial batch failure).
    /// </summary>
    public Func<string, Core.Ports.OutgoingMessage, Core.Ports.SendFailure?>? SendEntryFault { get; set; }

    /// <summary>Creates the queue, or does nothing when it exists with the same attributes (SQS CreateQueue).</summary>
    /// <exception cref="QueueOperationException">QueueAlreadyExists with other attributes; NonExistentQueue for a missing dead-letter target.</exception>
    public Task CreateQueueAsync(string name, QueueAttributes attributes, CancellationToken cancellationToken)
    {
        QueueLimits.RequireQueueName(name);
        attributes.Validate();
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        var existing = FindQueue(connection, transaction, name);
        if (existing is not null)
        {
            if (existing != attributes)
            {
                throw new QueueOperationException(QueueErrorCodes.QueueNameExists, $"A queue named {name} already exists with different attributes.");
            }

            return Task.CompletedTask;
        }

        RequireDeadLetterTarget(connection, transaction, attributes);
        connection.Run(transaction, "INSERT INTO queues VALUES ($p0, $p1, $p2, $p3, $p4, $p5)", [name, .. AttributeValues(attributes)]);
        transaction.Commit();
        return Task.CompletedTask;
    }

    /// <summary>Replaces the queue's attributes (SQS SetQueueAttributes).</summary>
    public Task SetQueueAttributesAsync(string name, QueueAttributes attributes, CancellationToken cancellationToken)
    {
        attributes.Validate();
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        RequireQueue(connection, transaction, name);
        RequireDeadLetterTarget(connection, transaction, attributes);
        connection.Run(
            transaction,
            "UPDATE queues SET visibility_timeout = $p1, retention_period = $p2, receive_wait_time = $p3, dead_letter_target = $p4, max_receive_count = $p5 WHERE name = $p0",
            [name, .. AttributeValues(attributes)]);
        transaction.Commit();
        return Task.CompletedTask;
    }

    public Task<QueueAttributes> GetQueueAttributesAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        return Task.FromResult(RequireQueue(connection, null, name));
    }

    /// <summary>Visible and in-flight message counts, like SQS's approximate counts but exact.</summary>
    public Task<QueueCounts> GetQueueCountsAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var attributes = RequireQueue(connection, null, name);
        var now = NowMilliseconds();
        var counts = connection.Query(
            null,
            "SELECT COALESCE(SUM(visible_at <= $p1), 0), COALESCE(SUM(visible_at > $p1), 0) FROM queue_messages WHERE queue = $p0 AND sent_at > $p2",
            reader => new QueueCounts(reader.GetInt32(0), reader.GetInt32(1)),
            name, now, RetentionCutoff(attributes, now));
        return Task.FromResult(counts[0]);
    }

    /// <summary>Every message in the queue, oldest first, without receiving any (the SQS console's view without its side effects).</summary>
    public Task<IReadOnlyList<QueuedMessage>> ListMessagesAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var attributes = RequireQueue(connection, null, name);
        var now = NowMilliseconds();
        IReadOnlyList<QueuedMessage> messages = connection.Query(
            null,
            "SELECT message_id, body, receive_count, sent_at, visible_at FROM queue_messages WHERE queue = $p0 AND sent_at > $p1 ORDER BY seq",
            reader => new QueuedMessage(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), FromMilliseconds(reader.GetInt64(3)), FromMilliseconds(reader.GetInt64(4))),
            name, RetentionCutoff(attributes, now));
        return Task.FromResult(messages);
    }

    /// <summary>Deletes every message, in flight or not (SQS PurgeQueue); returns how many.</summary>
    public Task<int> PurgeQueueAsync(string name, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginWrite();
        RequireQueue(connection, transaction, name);
        var deleted = connection.Run(transaction, "DELETE FROM queue_messages WHERE queue = $p0", name);
        transaction.Commit();
        return Task.FromResult(deleted);
    }

    internal static string Md5Hex(string body)
    {
#pragma warning disable CA5351 // MD5OfBody is SQS's integrity checksum, not a security control.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
    }

    internal static QueueAttributes RequireQueue(SqliteConnection connection, SqliteTransaction? transaction, string name) =>
        FindQueue(connection, transaction, name)
        ?? throw new QueueOperationException(QueueErrorCodes.QueueDoesNotExist, $"The specified queue {name} does not exist.");

    private static QueueAttributes? FindQueue(SqliteConnection connection, SqliteTransaction? transaction, string name) =>
        connection.Query(
            transaction,
            "SELECT visibility_timeout, retention_period, receive_wait_time, dead_letter_target, max_receive_count FROM queues WHERE name = $p0",
            reader => new QueueAttributes
            {
                VisibilityTimeout = reader.GetInt32(0),
                MessageRetentionPeriod = reader.GetInt32(1),
                ReceiveMessageWaitTimeSeconds = reader.GetInt32(2),
                RedrivePolicy = reader.GetNullableString(3) is { } target ? new RedrivePolicy(target, reader.GetInt32(4)) : null,
            },
            name).SingleOrDefault();

    private static void RequireDeadLetterTarget(SqliteConnection connection, SqliteTransaction transaction, QueueAttributes attributes)
    {
        if (attributes.RedrivePolicy is { } policy)
        {
            RequireQueue(connection, transaction, policy.DeadLetterTarget);
        }
    }

    private static object?[] AttributeValues(QueueAttributes attributes) =>
    [
        attributes.VisibilityTimeout,
        attributes.MessageRetentionPeriod,
        attributes.ReceiveMessageWaitTimeSeconds,
        attributes.RedrivePolicy?.DeadLetterTarget,
        attributes.RedrivePolicy?.MaxReceiveCount,
    ];

    /// <summary>Messages sent at or before this instant have outlived the queue's retention period.</summary>
    private static long RetentionCutoff(QueueAttributes attributes, long now) => now - (attributes.MessageRetentionPeriod * 1000L);

    private static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    private long NowMilliseconds() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
