using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Sqs;

/// <summary><see cref="IJobQueue"/> over SQS SendMessageBatch, reporting the entries SQS refused.</summary>
public sealed class SqsJobQueue(IAmazonSQS sqs, string queueUrl) : IJobQueue
{
    /// <exception cref="ArgumentException">No entries, more than 10, repeated or malformed ids, or too long in total: SQS rejects the whole request.</exception>
    public async Task<IReadOnlyList<SendFailure>> SendBatchAsync(IReadOnlyList<OutgoingMessage> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
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
        catch (AmazonSQSException e) when (e is EmptyBatchRequestException or TooManyEntriesInBatchRequestException or BatchEntryIdsNotDistinctException or BatchRequestTooLongException or InvalidBatchEntryIdException)
        {
            // SQS refused the whole request, so nothing was sent: a caller bug, as the port documents.
            throw new ArgumentException($"{e.ErrorCode}: {e.Message}", nameof(entries), e);
        }
        catch (Exception e) when (AwsErrorTranslation.IsTransient(e))
        {
            throw AwsErrorTranslation.Unavailable("SendMessageBatch", e);
        }
    }
}
