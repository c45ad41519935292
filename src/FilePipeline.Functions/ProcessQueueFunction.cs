using System.Globalization;
using System.Text.Json;
using FilePipeline.Annotations;
using FilePipeline.Annotations.SQS;
using FilePipeline.Core;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Payloads;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using static FilePipeline.Functions.Events.SQSBatchResponse;
using static FilePipeline.Functions.Events.SQSEvent;

namespace FilePipeline.Functions;

/// <summary>
/// A batch of work-queue messages → one synchronous state-machine execution per message, a few at
/// a time; the partial batch response names exactly the messages to receive again (architecture.md §1),
/// each made invisible for its retry backoff first (<see cref="RetryBackoff"/>). On a message's last
/// allowed receive, a failure is recorded in the ledger here, because the execution may have ended
/// without recording it (docs/reliability.md).
/// </summary>
public sealed class ProcessQueueFunction(IWorkflowStarter workflows, IMessageVisibility visibility, ILedger ledger, FunctionSettings settings, TimeProvider time)
{
    private const string ReceiveCountAttribute = "ApproximateReceiveCount";

    /// <exception cref="FormatException">A record has no messageId, so no partial response could name it; the whole batch is retried.</exception>
    [LambdaFunction(ResourceName = "ProcessQueueFunction", Timeout = 360, MemorySize = 256, Role = "@ProcessQueueRole")]
    [SQSEvent("@WorkQueue", ResourceName = "Work", BatchSize = 10, MaximumBatchingWindowInSeconds = 0, MaximumConcurrency = 5)]
    public async Task<SQSBatchResponse> ProcessQueue(SQSEvent sqsEvent, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        ArgumentNullException.ThrowIfNull(context);
        var records = sqsEvent.Records;
        if (records.Any(r => string.IsNullOrEmpty(r.MessageId)))
        {
            throw new FormatException("An SQS record has no messageId.");
        }

        var attempts = new Attempt[records.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency };
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Count), options, async (index, _) =>
        {
            attempts[index] = await ProcessAsync(records[index], context);
            if (!attempts[index].Succeeded)
            {
                await DelayRetryAsync(records[index], attempts[index], context);
            }
        });

        return new SQSBatchResponse(records
            .Where((_, index) => !attempts[index].Succeeded)
            .Select(r => new BatchItemFailure { ItemIdentifier = r.MessageId })
            .ToList());
    }

    /// <summary>
    /// Whether a message succeeded and, if not, why (<c>Type: message</c>, for the ledger) and until
    /// when an execution that may still be running may hold its file's claim (epoch seconds, 0 for none).
    /// </summary>
    private readonly record struct Attempt(bool Succeeded, string Failure = "", long ClaimMayHoldUntil = 0)
    {
        public static Attempt Success => new(true);

        public static Attempt Failed(string failure, long claimMayHoldUntil = 0) => new(false, failure, claimMayHoldUntil);
    }

    // Only ReportBatchItemFailures decides the message's fate; a failed visibility change leaves it
    // the queue's visibility timeout, so it is logged, never thrown (that would fail the whole batch).
    private async Task DelayRetryAsync(SQSMessage message, Attempt attempt, ILambdaContext context)
    {
        var seconds = RetryBackoff.SecondsFor(settings.RetryBackoff, ReceiveCountOf(message), attempt.ClaimMayHoldUntil, time.GetUtcNow().ToUnixTimeSeconds());
        try
        {
            await visibility.ChangeVisibilityAsync(message.ReceiptHandle ?? "", seconds, CancellationToken.None);
        }
#pragma warning disable CA1031 // See above: the retry falls back to the visibility timeout.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Logger.WithField(LogFields.MessageId, message.MessageId!).LogWarning($"The retry backoff of {seconds} s could not be set, so the queue's visibility timeout applies: {e.Message}");
        }
    }

    private async Task<Attempt> ProcessAsync(SQSMessage message, ILambdaContext context)
    {
        var log = context.Logger.WithField(LogFields.MessageId, message.MessageId!);
        ExecutionInput input;
        try
        {
            input = BuildInput(message);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            log.LogError($"The message body is not a file message, so it is left to reach the dead-letter queue: {e.Message}");
            return Attempt.Failed(FailureText.Of(e));
        }

        log = log.WithField(LogFields.FileId, input.FileId);
        var attempt = await RunAsync(input, context, log);
        if (!attempt.Succeeded && input.ReceiveCount >= settings.MaxReceiveCount)
        {
            await RecordLastFailureAsync(input, attempt, log);
        }

        return attempt;
    }

    private async Task<Attempt> RunAsync(ExecutionInput input, ILambdaContext context, ILambdaLogger log)
    {
        if (context.RemainingTime < settings.ExecutionTimeLimit)
        {
            var reason = $"Not started: {context.RemainingTime.TotalSeconds:0} s left in this invocation, an execution may need {settings.ExecutionTimeLimit.TotalSeconds:0} s.";
            log.LogWarning(reason);
            return Attempt.Failed(FailureText.Of("ExecutionNotStarted", reason));
        }

        WorkflowResult result;
        try
        {
            var name = ExecutionName.For(input.MessageId, input.ReceiveCount);
            result = await workflows.StartSyncExecutionAsync(name, JsonSerializer.Serialize(input, FunctionsJsonContext.Default.ExecutionInput), CancellationToken.None);
        }
#pragma warning disable CA1031 // Any start failure is reported for this message alone; the others' results must still be returned.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogError(e, "The execution could not be started.");
            return Attempt.Failed(FailureText.Of(e), claimMayHoldUntil: input.LeaseUntil); // It may have started and claimed the file.
        }

        log = log.WithField(LogFields.ExecutionId, result.ExecutionArn);
        if (result.Status != WorkflowStatus.Succeeded)
        {
            log.LogError($"The execution ended {result.Status}: {result.Error}: {result.Cause}");
            // The execution has ended; a claim it left is this message's to take again on its next receive.
            return Attempt.Failed(FailureText.Of(result.Error ?? (result.Status == WorkflowStatus.TimedOut ? "States.Timeout" : null), result.Cause));
        }

        log.LogInformation($"The execution succeeded: {result.Outcome ?? "no outcome in its output"}.");
        return Attempt.Success;
    }

    /// <summary>
    /// The message goes to the DLQ after this receive: the ledger must say FAILED, not PROCESSING
    /// (or the PROCESSING ValidateUpload wrote), whatever ended the execution. The conditional write
    /// leaves settled files and other executions' live claims alone.
    /// </summary>
    private async Task RecordLastFailureAsync(ExecutionInput input, Attempt attempt, ILambdaLogger log)
    {
        try
        {
            var recorded = await ledger.TryRecordFailedAsync(input.FileId, attempt.Failure, input.MessageId, time.GetUtcNow(), CancellationToken.None);
            log.LogWarning(recorded
                ? $"Last allowed receive ({input.ReceiveCount}) failed; the ledger records FAILED: {attempt.Failure}"
                : $"Last allowed receive ({input.ReceiveCount}) failed; the ledger's record is settled or held by another execution, so it was kept.");
        }
#pragma warning disable CA1031 // The message is reported failed either way; a ledger outage must not fail the other messages of the batch.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogError(e, "The failure could not be recorded in the ledger.");
        }
    }

    private ExecutionInput BuildInput(SQSMessage message)
    {
        var body = JsonSerializer.Deserialize(message.Body ?? "null", FunctionsJsonContext.Default.QueueMessage)
            ?? throw new FormatException("The body is empty or null.");
        if (string.IsNullOrEmpty(body.Bucket) || string.IsNullOrEmpty(body.Key) || string.IsNullOrEmpty(body.ETag))
        {
            throw new FormatException("The body lacks bucket, key or eTag.");
        }

        var file = new FileRef(body.Bucket, body.Key, body.ETag, body.VersionId);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return new ExecutionInput
        {
            Bucket = body.Bucket,
            Key = body.Key,
            VersionId = body.VersionId ?? "",
            ETag = body.ETag,
            Size = body.Size,
            Sequencer = body.Sequencer,
            EventTime = body.EventTime,
            FileId = file.FileId,
            FileName = file.FileName,
            MessageId = message.MessageId!,
            ReceiveCount = ReceiveCountOf(message),
            Now = now,
            LeaseUntil = now + (long)settings.Lease.TotalSeconds,
        };
    }

    /// <summary>SQS always sends ApproximateReceiveCount; without it the message counts as a first receive.</summary>
    private static int ReceiveCountOf(SQSMessage message) =>
        message.Attributes?.TryGetValue(ReceiveCountAttribute, out var text) == true
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : 1;
}
