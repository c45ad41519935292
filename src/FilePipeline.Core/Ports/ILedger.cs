using FilePipeline.Core.Ledger;

namespace FilePipeline.Core.Ports;

/// <summary>The audit ledger: one <see cref="FileRecord"/> per distinct upload (DynamoDB on AWS).</summary>
public interface ILedger
{
    Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken);

    /// <summary>Records a rejection unless the file already has a record; returns false when it had one.</summary>
    Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken);

    /// <summary>Records an accepted upload (PROCESSING, unclaimed, no lease) unless the file already has a record; returns false when it had one.</summary>
    Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the file FAILED with <paramref name="lastError"/> when it is FAILED already, or PROCESSING
    /// unclaimed, claimed by an execution of message <paramref name="messageId"/>, or under an expired lease (<see cref="FailureRecording"/>);
    /// returns false when it is settled, held by another live claim, or has no record.
    /// </summary>
    Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Every record, or those with <paramref name="status"/>, read page by page as the caller consumes them
    /// (constant memory). The embedded ledger yields them oldest first (firstSeenAt, then fileId); DynamoDB in
    /// its Scan order, which has none across partitions.
    /// </summary>
    IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken);

    /// <summary>Every record, or those with <paramref name="status"/>, in one list.</summary>
    async Task<IReadOnlyList<FileRecord>> ListAsync(FileStatus? status, CancellationToken cancellationToken) =>
        await StreamAsync(status, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
}
