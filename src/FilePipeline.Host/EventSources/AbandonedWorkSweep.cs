using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

namespace FilePipeline.Host.EventSources;

/// <summary>
/// Run when both queues are idle, so no message can still deliver a PROCESSING file: its work was
/// killed (a runner killed on the message's last receive, or before it claimed the file) and its
/// message is in the dead-letter queue — or, when ValidateUpload was killed after accepting the file
/// but before its work message was sent, its S3 event is in the failed-invoke queue. Such a record
/// is marked FAILED, unless a live lease still
/// holds it: a claim is only ever taken over after its lease (docs/reliability.md).
/// </summary>
internal sealed class AbandonedWorkSweep(ILedger ledger, TimeProvider time)
{
    public const string Error = "Interrupted";

    /// <returns>How many PROCESSING records live leases still hold; the caller sweeps again after they end.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var held = 0;
        var now = time.GetUtcNow();
        foreach (var record in await ledger.ListAsync(FileStatus.Processing, cancellationToken))
        {
            if (record.ClaimedBy is not null && record.LeaseUntil >= now.ToUnixTimeSeconds())
            {
                held++;
                continue;
            }

            var lastError = record.ClaimedBy is null
                ? $"{Error}: accepted, but no execution claimed the file before its work stopped (a crash or kill); its message is in the dead-letter queue, or its S3 event in the failed-invoke queue if validation stopped before sending it."
                : $"{Error}: the work stopped (a crash or kill) after {record.Attempts} attempt(s) without recording an outcome; its message is in the dead-letter queue.";
            await ledger.TryRecordFailedAsync(record.FileId, lastError, messageId: null, now, cancellationToken);
        }

        return held;
    }
}
