using System.Text.Json;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;

namespace FilePipeline.Host.EventSources;

/// <summary>
/// ValidateUpload's OnFailure destination: Lambda's invocation records of S3 events that failed
/// every attempt. Redriving one invokes ValidateUpload again, asynchronously, with the record's
/// requestPayload (the S3 event); moving the record itself anywhere would feed a function a
/// payload it cannot read.
/// </summary>
public sealed class FailedInvocationQueue(InvocationQueues queues) : IDeadLetterQueue
{
    public Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken) => queues.ParkedFailures.ListAsync(cancellationToken);

    public Task<int> PurgeAsync(CancellationToken cancellationToken) => queues.ParkedFailures.PurgeAsync(cancellationToken);

    public async Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken)
    {
        var redriven = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = await queues.FailureConsumer.ReceiveAsync(SqsLimits.MaxMessagesPerReceive, 30, cancellationToken).ConfigureAwait(false);
            var fresh = batch.Count(m => seen.Add(m.MessageId));
            foreach (var message in batch)
            {
                if (fresh == 0 || (messageId is not null && message.MessageId != messageId))
                {
                    await queues.FailureConsumer.ChangeVisibilityAsync(message.ReceiptHandle, 0, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await queues.Events.SendAsync(EventOf(message.Body), cancellationToken).ConfigureAwait(false);
                await queues.FailureConsumer.DeleteBatchAsync([message.ReceiptHandle], cancellationToken).ConfigureAwait(false);
                redriven++;
            }

            if (fresh == 0)
            {
                return redriven;
            }
        }
    }

    /// <summary>The event an invocation record carries; a body that is no record (an older local DLQ entry) is the event itself.</summary>
    public static string EventOf(string body)
    {
        try
        {
            var record = JsonSerializer.Deserialize(body, FunctionsJsonContext.Default.AsyncInvocationRecord);
            return record is { Request: not null, RequestPayload: { } payload } ? payload.ToJsonString() : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
