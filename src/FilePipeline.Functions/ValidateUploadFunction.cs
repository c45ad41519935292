using System.Globalization;
using System.Text.Json;
using FilePipeline.Annotations;
using FilePipeline.Annotations.S3;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Core.Uploads;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Payloads;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using static FilePipeline.Functions.Events.S3Event;

namespace FilePipeline.Functions;

/// <summary>
/// S3 ObjectCreated events → one work-queue message per acceptable object; objects that break the
/// upload rules are recorded in the ledger as REJECTED with a reason instead (architecture.md §1).
/// </summary>
public sealed class ValidateUploadFunction(IObjectStore objects, IJobQueue queue, ILedger ledger, FunctionSettings settings, TimeProvider time)
{
    /// <summary>SendMessageBatch's limit.</summary>
    public const int MaxBatchSize = 10;

    private const string ObjectCreatedPrefix = "ObjectCreated:";

    /// <exception cref="QueueSendException">The queue kept refusing messages; the whole event should be retried.</exception>
    /// <exception cref="StorageUnavailableException">The object store or ledger failed transiently.</exception>
    [LambdaFunction(ResourceName = "ValidateUploadFunction", Timeout = 60, MemorySize = 256, Role = "@ValidateUploadRole")]
    [S3Event("@UploadBucket", ResourceName = "Upload", FilterSuffix = ".csv")]
    public async Task ValidateUpload(S3Event s3Event, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(s3Event);
        ArgumentNullException.ThrowIfNull(context);
        using var deadline = InvocationDeadline.CreateTokenSource(context, settings.DeadlineMargin, time);
        var accepted = new List<QueueMessage>();
        foreach (var record in s3Event.Records)
        {
            if (await ValidateAsync(record, context.Logger, deadline.Token) is { } message)
            {
                accepted.Add(message);
            }
        }

        foreach (var batch in accepted.Chunk(MaxBatchSize))
        {
            await SendWithRetriesAsync(batch, context.Logger, deadline.Token);
        }
    }

    private async Task<QueueMessage?> ValidateAsync(S3EventNotificationRecord record, ILambdaLogger log, CancellationToken cancellationToken)
    {
        if (record.EventName?.StartsWith(ObjectCreatedPrefix, StringComparison.Ordinal) != true)
        {
            log.LogInformation($"Ignored a '{record.EventName}' event for '{record.S3?.Object?.Key}': only ObjectCreated events start processing.");
            return null;
        }

        var bucket = record.S3?.Bucket?.Name;
        var entity = record.S3?.Object;
        if (string.IsNullOrEmpty(bucket) || string.IsNullOrEmpty(entity?.Key) || string.IsNullOrEmpty(entity.ETag))
        {
            throw new FormatException("An ObjectCreated record lacks s3.bucket.name, s3.object.key or s3.object.eTag.");
        }

        FileRef file;
        try
        {
            file = FileRef.FromS3(bucket, entity.Key, entity.ETag, entity.VersionId);
        }
        catch (InvalidObjectKeyException e)
        {
            // The key cannot be decoded, so the file is recorded under the key exactly as the event carried it.
            var undecoded = new FileRef(bucket, entity.Key, entity.ETag.Trim('"').ToLowerInvariant(), entity.VersionId);
            await RejectAsync(undecoded, entity.Size, RejectionFor(e), log, cancellationToken);
            return null;
        }

        log = log.WithField(LogFields.FileId, file.FileId);
        var rejection = await CheckAsync(file, entity.Size, cancellationToken);
        if (rejection is not null)
        {
            await RejectAsync(file, entity.Size, rejection, log, cancellationToken);
            return null;
        }

        await AcceptAsync(file, entity.Size, log, cancellationToken);
        return new QueueMessage(file.Bucket, file.Key, file.VersionId, file.ETag, entity.Size, entity.Sequencer, record.EventTime);
    }

    private async Task<UploadRejection?> CheckAsync(FileRef file, long size, CancellationToken cancellationToken)
    {
        var rules = settings.UploadRules;
        if (rules.CheckObject(file.Key, size) is { } rejection)
        {
            return rejection;
        }

        try
        {
            var prefix = await objects.ReadPrefixAsync(file, rules.SniffBytes, cancellationToken);
            return rules.CheckPrefix(prefix.Span);
        }
        catch (PermanentFileException e)
        {
            // Deleted or overwritten since the event was sent: this version can never be processed.
            return RejectionFor(e);
        }
    }

    private async Task RejectAsync(FileRef file, long size, UploadRejection rejection, ILambdaLogger log, CancellationToken cancellationToken)
    {
        var record = NewRecord(file, size, FileStatus.Rejected, time.GetUtcNow()) with { Reason = FormatReason(rejection) };
        var recorded = await ledger.TryRecordRejectedAsync(record, cancellationToken);
        log.WithField(LogFields.FileId, file.FileId).LogWarning(recorded
            ? $"Rejected: {record.Reason}"
            : $"Rejected ({rejection.Code}); the ledger already had a record of this file, which was kept.");
    }

    /// <summary>
    /// Records the upload before its message is sent, so it is in the ledger whatever later stops its
    /// processing (docs/reliability.md); a file that already has a record keeps it.
    /// </summary>
    private async Task AcceptAsync(FileRef file, long size, ILambdaLogger log, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recorded = await ledger.TryRecordAcceptedAsync(NewRecord(file, size, FileStatus.Processing, now), cancellationToken);
        log.LogInformation(recorded
            ? $"Accepted {size} bytes for processing."
            : $"Accepted {size} bytes for processing; the ledger already had a record of this file, which was kept.");
    }

    private static FileRecord NewRecord(FileRef file, long size, FileStatus status, DateTimeOffset now) => new()
    {
        FileId = file.FileId,
        Bucket = file.Bucket,
        Key = file.Key,
        FileName = file.FileName,
        VersionId = file.VersionId,
        ETag = file.ETag,
        SizeBytes = size,
        Status = status,
        FirstSeenAt = now,
        UpdatedAt = now,
    };

    /// <summary>The ledger's reason text: <c>{code}: {sentence}</c>, the same shape the state machine writes.</summary>
    public static string FormatReason(UploadRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return $"{rejection.Code}: {rejection.Reason}";
    }

    /// <summary>Coded with the exception's type name, as the state machine codes the rejections it records.</summary>
    private static UploadRejection RejectionFor(PermanentFileException e) => new(e.GetType().Name, e.Message);

    private async Task SendWithRetriesAsync(QueueMessage[] batch, ILambdaLogger log, CancellationToken cancellationToken)
    {
        var pending = batch
            .Select((message, index) => new OutgoingMessage(index.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(message, FunctionsJsonContext.Default.QueueMessage)))
            .ToList();
        var refused = new List<SendFailure>();
        for (var attempt = 0; pending.Count > 0; attempt++)
        {
            var failures = await queue.SendBatchAsync(pending, cancellationToken);
            refused.AddRange(failures.Where(f => f.SenderFault));
            var retryable = failures.Where(f => !f.SenderFault).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
            if (retryable.Count == 0)
            {
                break;
            }

            if (attempt == settings.SendRetryDelays.Count)
            {
                refused.AddRange(failures.Where(f => !f.SenderFault));
                break;
            }

            log.LogWarning($"The queue refused {retryable.Count} of {pending.Count} message(s); retrying them (attempt {attempt + 2}).");
            await Task.Delay(settings.SendRetryDelays[attempt], time, cancellationToken);
            pending = pending.Where(entry => retryable.Contains(entry.Id)).ToList();
        }

        if (refused.Count > 0)
        {
            throw new QueueSendException(refused);
        }
    }
}
