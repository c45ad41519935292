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

    public Task<IReadOnlyList<FileRecord>> ListAsync(FileStatus? status, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FileRecord>>(Records.Values.Where(r => status is null || r.Status == status).ToList());
}
