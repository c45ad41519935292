using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Queues;

internal static class MessageVisibility
{
    /// <summary>Makes a failed message visible again after <paramref name="seconds"/>; a lapsed receipt handle means it is already visible.</summary>
    public static async Task RetryLaterAsync(EmbeddedQueues queues, string queue, string receiptHandle, int seconds, CancellationToken cancellationToken)
    {
        try
        {
            await queues.ChangeMessageVisibilityAsync(queue, receiptHandle, seconds, cancellationToken);
        }
        catch (QueueOperationException e) when (e.ErrorCode == QueueErrorCodes.ReceiptHandleIsInvalid)
        {
            // Received again elsewhere after its visibility timeout: that receive now owns it.
        }
    }
}
