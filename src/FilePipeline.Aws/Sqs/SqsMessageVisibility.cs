using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Sqs;

/// <summary><see cref="IMessageVisibility"/> over SQS ChangeMessageVisibility on one queue.</summary>
public sealed class SqsMessageVisibility(IAmazonSQS sqs, string queueUrl) : IMessageVisibility
{
    public async Task ChangeVisibilityAsync(string receiptHandle, int seconds, CancellationToken cancellationToken)
    {
        try
        {
            await sqs.ChangeMessageVisibilityAsync(queueUrl, receiptHandle, seconds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ReceiptHandleIsInvalidException or MessageNotInflightException)
        {
            // Received again elsewhere after its visibility timeout: that receive now owns it.
        }
    }
}
