using System.Text.Json;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// ValidateUpload's OnFailure destination: Lambda's invocation records of S3 events that failed
/// every attempt. Redriving one invokes ValidateUpload again, asynchronously, with the record's
/// requestPayload (the S3 event); moving the record itself anywhere would feed a function a
/// payload it cannot read.
/// </summary>
public sealed class FailedInvocationQueue(EmbeddedQueues queues, string queueName, string asyncInvokeQueue) : IDeadLetterQueue
{
    private readonly EmbeddedDeadLetterQueue parked = new(queues, queueName);

    public Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken) => parked.ListAsync(cancellationToken);

    public Task<int> PurgeAsync(CancellationToken cancellationToken) => parked.PurgeAsync(cancellationToken);

    public async Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken)
    {
        var redriven = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var batch = await queues.ReceiveMessageAsync(
                new ReceiveMessageRequest(queueName) { MaxNumberOfMessages = QueueLimits.MaxMessagesPerReceive, VisibilityTimeout = 30, WaitTimeSeconds = 0 },
                cancellationToken).ConfigureAwait(false);
            var fresh = batch.Count(m => seen.Add(m.MessageId));
            foreach (var message in batch)
            {
                if (fresh == 0 || (messageId is not null && message.MessageId != messageId))
                {
                    await queues.ChangeMessageVisibilityAsync(queueName, message.ReceiptHandle, 0, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await queues.SendMessageAsync(asyncInvokeQueue, EventOf(message.Body), cancellationToken).ConfigureAwait(false);
                await queues.DeleteMessageAsync(queueName, message.ReceiptHandle, cancellationToken).ConfigureAwait(false);
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
