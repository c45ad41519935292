using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Functions.Tests.Fakes;

internal sealed class FakeLedger : ILedger
{
    public Dictionary<string, FileRecord> Records { get; } = new(StringComparer.Ordinal);

    public Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken) =>
        Task.FromResult(Records.GetValueOrDefault(fileId));

    public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(Records.TryAdd(record.FileId, record));

    public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(Records.TryAdd(record.FileId, record));

    /// <summary>The conditions of <see cref="FailureRecording"/>.</summary>
    public Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failable = Records.GetValueOrDefault(fileId) is { } record
            && (record.Status == FileStatus.Failed
                || (record.Status == FileStatus.Processing && (record.ClaimedBy is null || record.ClaimMessageId == messageId || record.LeaseUntil < now.ToUnixTimeSeconds())));
        if (failable)
        {
            Records[fileId] = Records[fileId] with { Status = FileStatus.Failed, LastError = lastError, LeaseUntil = null, UpdatedAt = now };
        }

        return Task.FromResult(failable);
    }

    public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken) =>
        Records.Values.Where(r => status is null || r.Status == status).ToAsyncEnumerable();
}
