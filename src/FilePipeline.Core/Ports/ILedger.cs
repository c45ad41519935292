using FilePipeline.Core.Ledger;

namespace FilePipeline.Core.Ports;

/// <summary>The audit ledger: one <see cref="FileRecord"/> per distinct upload (DynamoDB on AWS).</summary>
public interface ILedger
{
    Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken);

    /// <summary>Records a rejection unless the file already has a record; returns false when it had one.</summary>
    Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken);

    /// <summary>Every record, or those with <paramref name="status"/>.</summary>
    Task<IReadOnlyList<FileRecord>> ListAsync(FileStatus? status, CancellationToken cancellationToken);
}
