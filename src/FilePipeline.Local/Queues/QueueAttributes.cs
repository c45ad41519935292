namespace FilePipeline.Local.Queues;

/// <summary>The SQS queue attributes the embedded queues honour, with SQS's defaults and ranges.</summary>
public sealed record QueueAttributes
{
    /// <summary>Seconds a received message stays hidden (SQS: 0–43,200, default 30).</summary>
    public int VisibilityTimeout { get; init; } = 30;

    /// <summary>Seconds a message is kept after it was sent (SQS: 60–1,209,600, default 345,600 = 4 days).</summary>
    public int MessageRetentionPeriod { get; init; } = 345_600;

    /// <summary>Long-poll wait used when a receive does not say (SQS: 0–20, default 0).</summary>
    public int ReceiveMessageWaitTimeSeconds { get; init; }

    /// <summary>Where messages go after too many receives; null for none.</summary>
    public RedrivePolicy? RedrivePolicy { get; init; }

    internal void Validate()
    {
        QueueLimits.RequireRange(VisibilityTimeout, 0, QueueLimits.MaxVisibilityTimeout, nameof(VisibilityTimeout));
        QueueLimits.RequireRange(MessageRetentionPeriod, 60, 1_209_600, nameof(MessageRetentionPeriod));
        QueueLimits.RequireRange(ReceiveMessageWaitTimeSeconds, 0, QueueLimits.MaxWaitTimeSeconds, nameof(ReceiveMessageWaitTimeSeconds));
        if (RedrivePolicy is { } policy)
        {
            QueueLimits.RequireRange(policy.MaxReceiveCount, 1, 1000, "maxReceiveCount");
        }
    }
}

/// <summary>SQS's RedrivePolicy: after <see cref="MaxReceiveCount"/> receives a message moves to <see cref="DeadLetterTarget"/> (a queue name).</summary>
public sealed record RedrivePolicy(string DeadLetterTarget, int MaxReceiveCount);
