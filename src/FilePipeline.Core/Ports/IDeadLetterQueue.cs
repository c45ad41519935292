namespace FilePipeline.Core.Ports;

/// <summary>The queue that holds messages which exhausted their receives.</summary>
public interface IDeadLetterQueue
{
    Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Moves one message (or every one when <paramref name="messageId"/> is null) back to the source queue; returns how many moved.</summary>
    Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken);

    /// <summary>Deletes every message; returns how many were deleted.</summary>
    Task<int> PurgeAsync(CancellationToken cancellationToken);
}

/// <summary>A message parked in the dead-letter queue.</summary>
public sealed record DeadLetter(string MessageId, string Body, int ReceiveCount, DateTimeOffset SentAt);
