using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Sqs;

/// <summary><see cref="IJobQueue"/> over SQS SendMessageBatch, reporting the entries SQS refused.</summary>
public sealed class SqsJobQueue(IAmazonSQS sqs, string queueUrl) : IJobQueue
{
    public async Task<IReadOnlyList<SendFailure>> SendBatchAsync(IReadOnlyList<OutgoingMessage> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        var request = new SendMessageBatchRequest
        {
            QueueUrl = queueUrl,
            Entries = [.. entries.Select(e => new SendMessageBatchRequestEntry(e.Id, e.Body))],
        };
        try
        {
            var response = await sqs.SendMessageBatchAsync(request, cancellationToken).ConfigureAwait(false);
            // SDK v4 leaves an empty list null.
            return [.. (response.Failed ?? []).Select(f => new SendFailure(f.Id, f.Code, f.Message, f.SenderFault ?? false))];
        }
        catch (Exception e) when (AwsErrorTranslation.IsTransient(e))
        {
            throw AwsErrorTranslation.Unavailable("SendMessageBatch", e);
        }
    }
}
