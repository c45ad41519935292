using FilePipeline.Cli.Pipeline;
using FilePipeline.Core.Ledger;

namespace FilePipeline.Cli.Operate;

/// <summary>
/// <c>upload</c>/<c>process --stack</c>: puts files into the deployed bucket, whose S3 notification
/// starts the deployed pipeline, and follows each to its ledger record.
/// </summary>
internal static class StackUploads
{
    /// <summary>How often the ledger is read while a file settles.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    public static async Task<UploadedFile> UploadAsync(OperatedStack stack, string path, string key, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var content = Uploader.OpenInput(path);
        var uploadedAt = time.GetUtcNow();
        var info = await stack.Stack.Objects.PutAsync(stack.Stack.Names.Bucket, key, content, cancellationToken);
        return new UploadedFile(path, info, uploadedAt);
    }

    /// <summary>
    /// Reads the ledger until the upload settles: PROCESSED or REJECTED, DUPLICATE when the record
    /// was settled before this upload, FAILED once it has used every receive (its message is then in
    /// the DLQ). A file still open at <paramref name="timeout"/> is FAILED with a detail saying so.
    /// </summary>
    public static async Task<FileOutcome> FollowAsync(OperatedStack stack, UploadedFile upload, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var fileId = upload.File.FileId;
        var maxReceives = stack.Template.WorkQueue.Redrive?.MaxReceiveCount ?? 1;
        while (true)
        {
            var record = await stack.Stack.Ledger.GetAsync(fileId, cancellationToken);
            var elapsed = time.GetUtcNow() - upload.UploadedAt;
            switch (record)
            {
                case { Status: FileStatus.Processed or FileStatus.Rejected } settled:
                    var outcome = settled.UpdatedAt < upload.UploadedAt ? FileOutcome.Duplicate
                        : settled.Status == FileStatus.Processed ? FileOutcome.Processed : FileOutcome.Rejected;
                    return new FileOutcome(upload.Path, fileId, outcome, settled.Status == FileStatus.Processed ? settled.RowCount : null, settled.Attempts, elapsed, settled.Reason);
                case { Status: FileStatus.Failed } failed when failed.Attempts >= maxReceives:
                    return new FileOutcome(upload.Path, fileId, FileOutcome.Failed, null, failed.Attempts, elapsed, failed.LastError);
            }

            if (elapsed >= timeout)
            {
                var state = record is null ? "no ledger record yet (see `filepipeline dlq list --stack`)" : $"the ledger says {FileRecordItem.StatusName(record.Status)} after {record.Attempts} attempt(s)";
                return new FileOutcome(upload.Path, fileId, FileOutcome.Failed, null, record?.Attempts ?? 0, elapsed, $"not settled after {timeout.TotalSeconds:0} s: {state}.");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }
}
