using FilePipeline.Core.Ledger;
using FilePipeline.Host;
using FilePipeline.States.Store;

namespace FilePipeline.Cli.Pipeline;

/// <summary>
/// Decides how an upload settled from what the pipeline stored: the executions started for this
/// object version (one per receive of its work message) and the ledger record of its file id.
/// </summary>
internal static class OutcomeResolver
{
    public static async Task<FileOutcome> ResolveAsync(LocalPipeline pipeline, UploadedFile upload, CancellationToken cancellationToken)
    {
        var fileId = upload.File.FileId;
        var executions = pipeline.Executions.List(fileId)
            // An unversioned bucket (S3 without versioning, fauxqs) has no version id; the execution input carries it as "".
            .Where(e => (e.VersionId ?? "") == (upload.Info.VersionId ?? ""))
            .OrderBy(e => e.Id)
            .ToList();
        var record = await pipeline.Ledger.GetAsync(fileId, cancellationToken);
        var settled = executions.LastOrDefault(e => e.Status == "SUCCEEDED" && e.Outcome is not null);
        var outcome = settled?.Outcome
            ?? (executions.Count == 0 && record?.Status == FileStatus.Rejected ? FileOutcome.Rejected : FileOutcome.Failed);
        var end = executions.LastOrDefault()?.StopDate ?? (record is not null && record.UpdatedAt > upload.UploadedAt ? record.UpdatedAt : pipeline.Options.Time.GetUtcNow());
        return new FileOutcome(
            upload.Path,
            fileId,
            outcome,
            outcome is FileOutcome.Processed or FileOutcome.Duplicate ? record?.RowCount : null,
            executions.Count,
            end - upload.UploadedAt,
            outcome switch
            {
                FileOutcome.Rejected => record?.Reason,
                FileOutcome.Failed => record?.LastError ?? FailureWithoutLedgerError(executions, record),
                _ => null,
            });
    }

    /// <summary>Why a file failed when the ledger recorded no error: say what is known, never guess a culprit.</summary>
    private static string FailureWithoutLedgerError(List<ExecutionRecord> executions, FileRecord? record)
    {
        if (executions.Count > 0)
        {
            var last = executions[^1];
            var ended = last.Error is null ? last.Status : $"{last.Status} ({last.Error}: {last.Cause})";
            return $"{executions.Count} execution(s) ran; the last ended {ended}; the ledger says {(record is null ? "nothing" : FileRecordItem.StatusName(record.Status))}. See `filepipeline executions show {last.Id}`.";
        }

        return record is null
            ? "no execution ran and the ledger has no record: the S3 event or the work message did not get through (see `filepipeline dlq list`)."
            : $"no execution ran; the ledger says {FileRecordItem.StatusName(record.Status)} without an error (see `filepipeline dlq list`).";
    }
}
