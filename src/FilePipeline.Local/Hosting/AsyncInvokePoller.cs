using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// S3 → ValidateUpload as Lambda's asynchronous invoke: each event is one invocation; a failed
/// one stays queued and comes back after the retry delay, and the queue's redrive moves it to the
/// OnFailure destination once the retries are used up.
/// </summary>
internal sealed class AsyncInvokePoller(LocalPipeline pipeline)
{
    /// <summary>Invokes ValidateUpload for one queued event; false when none was visible.</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        var received = await pipeline.Queues.ReceiveMessageAsync(
            new ReceiveMessageRequest(pipeline.AsyncInvokeQueue) { VisibilityTimeout = pipeline.Options.VisibilityTimeout, WaitTimeSeconds = 0 },
            cancellationToken);
        if (received.Count == 0)
        {
            return false;
        }

        var message = received[0];
        if (await TryInvokeAsync(message.Body))
        {
            await pipeline.Queues.DeleteMessageAsync(pipeline.AsyncInvokeQueue, message.ReceiptHandle, cancellationToken);
        }
        else
        {
            await MessageVisibility.RetryLaterAsync(pipeline.Queues, pipeline.AsyncInvokeQueue, message.ReceiptHandle, pipeline.Options.RetryDelaySeconds, cancellationToken);
        }

        return true;
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

    private async Task<bool> TryInvokeAsync(string body)
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
                await pipeline.Functions.InvokeAsync(pipeline.Template.ValidateUpload, s3Event.ToJsonString());
            }

            return true;
        }
#pragma warning disable CA1031 // A function error is an invocation failure: the event is retried, then sent to the OnFailure destination.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
