using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Lambda.Metrics;

/// <summary>Counts the rejections ValidateUpload records (uploads refused before they reach the queue).</summary>
public sealed class MeteredLedger(ILedger inner, EmbeddedMetricWriter metrics) : ILedger
{
    public Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken) => inner.GetAsync(fileId, cancellationToken);

    public async Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken)
    {
        var recorded = await inner.TryRecordRejectedAsync(record, cancellationToken).ConfigureAwait(false);
        if (recorded)
        {
            metrics.Write([new Metric(PipelineMetrics.FilesRejected, 1)]);
        }

        return recorded;
    }

    public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => inner.TryRecordAcceptedAsync(record, cancellationToken);

    public Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.TryRecordFailedAsync(fileId, lastError, messageId, now, cancellationToken);

    public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken) => inner.StreamAsync(status, cancellationToken);
}
