using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Runtime;
using FilePipeline.Host.Template;

namespace FilePipeline.Host.EventSources;

/// <summary>
/// S3 → ValidateUpload as Lambda's asynchronous invoke: each event is one invocation; a failed
/// one stays queued and comes back after the retry delay, and once the retries are used up Lambda's
/// invocation record (the event in requestPayload, the error in responsePayload) goes to the
/// OnFailure destination.
/// </summary>
internal sealed class AsyncInvokePoller(LocalPipeline pipeline)
{
    private FunctionDefinition ValidateUpload => pipeline.Template.ValidateUpload;

    private InvocationQueues Invocations => pipeline.AsyncInvocations;

    /// <summary>
    /// Invokes ValidateUpload for the queued events one receive returns, all at once: Lambda runs
    /// asynchronous invocations concurrently, up to the function's reserved concurrency when the
    /// template sets one. False when no event was visible.
    /// </summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        var received = await Invocations.EventConsumer.ReceiveAsync(
            Math.Clamp(ValidateUpload.ReservedConcurrentExecutions ?? SqsLimits.MaxMessagesPerReceive, 1, SqsLimits.MaxMessagesPerReceive),
            pipeline.Options.VisibilityTimeout,
            cancellationToken);
        await Task.WhenAll(received.Select(message => InvokeAsync(message, cancellationToken)));
        return received.Count > 0;
    }

    /// <summary>One invocation of one event: deleted once it succeeds, retried later, or recorded at the OnFailure destination once its tries are used up.</summary>
    private async Task InvokeAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var attempts = ValidateUpload.MaximumRetryAttempts + 1;
        // A receive beyond the allowed attempts follows a crash mid-invoke: the tries are used up.
        var error = message.ApproximateReceiveCount > attempts
            ? new InvalidOperationException($"The invocation did not complete within {attempts} attempts.")
            : await TryInvokeAsync(message.Body);
        if (error is null)
        {
            await Invocations.EventConsumer.DeleteBatchAsync([message.ReceiptHandle], cancellationToken);
        }
        else if (message.ApproximateReceiveCount >= attempts)
        {
            var record = InvocationRecord(message, error);
            await Invocations.Failures.SendAsync(JsonSerializer.Serialize(record, FunctionsJsonContext.Default.AsyncInvocationRecord), cancellationToken);
            await Invocations.EventConsumer.DeleteBatchAsync([message.ReceiptHandle], cancellationToken);
        }
        else
        {
            await Invocations.EventConsumer.ChangeVisibilityAsync(message.ReceiptHandle, pipeline.Options.RetryDelaySeconds, cancellationToken);
        }
    }

    private AsyncInvocationRecord InvocationRecord(ReceivedMessage message, Exception error) => new()
    {
        Timestamp = pipeline.Options.Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Request = new AsyncInvocationRecord.RequestContext
        {
            RequestId = Guid.NewGuid().ToString(),
            FunctionArn = ValidateUpload.Arn + ":$LATEST",
            Condition = AsyncInvocationRecord.RetriesExhausted,
            ApproximateInvokeCount = message.ApproximateReceiveCount,
        },
        RequestPayload = ParseOrText(message.Body),
        Response = new AsyncInvocationRecord.ResponseContext { StatusCode = 200, ExecutedVersion = "$LATEST", FunctionError = "Unhandled" },
        ResponsePayload = JsonNode.Parse(LambdaError.WithoutStackTrace(error).ToJsonBody()),
    };

    private static JsonNode? ParseOrText(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }

    private bool MatchesFilter(string encodedKey)
    {
        try
        {
            return pipeline.Template.ValidateUpload.S3Events!.Matches(S3ObjectKey.Decode(encodedKey));
        }
        catch (InvalidObjectKeyException)
        {
            return true; // ValidateUpload records why the key is unusable.
        }
    }

    /// <returns>Null when the invocation succeeded, else the function's error.</returns>
    private async Task<Exception?> TryInvokeAsync(string body)
    {
        try
        {
            // The bucket notification's key filter, applied where S3 would apply it.
            var s3Event = JsonNode.Parse(body)?.AsObject() ?? throw new JsonException("The event is null.");
            var records = s3Event["Records"]?.AsArray() ?? [];
            foreach (var record in records.Where(r => r?["s3"]?["object"]?["key"] is JsonValue key && !MatchesFilter(key.GetValue<string>())).ToList())
            {
                records.Remove(record);
            }

            if (records.Count > 0)
            {
                await pipeline.Functions.InvokeAsync(ValidateUpload, s3Event.ToJsonString());
            }

            return null;
        }
#pragma warning disable CA1031 // A function error is an invocation failure: the event is retried, then its record goes to the OnFailure destination.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e;
        }
    }
}
