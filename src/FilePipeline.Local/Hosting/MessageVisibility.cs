using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Hosting;

internal static class MessageVisibility
{
    /// <summary>Makes a failed message visible again after the local retry delay; a lapsed receipt handle means it is already visible.</summary>
    public static async Task RetryLaterAsync(LocalPipeline pipeline, string queue, string receiptHandle, CancellationToken cancellationToken)
    {
        try
        {
            await pipeline.Queues.ChangeMessageVisibilityAsync(queue, receiptHandle, pipeline.Options.RetryDelaySeconds, cancellationToken);
        }
        catch (QueueOperationException e) when (e.ErrorCode == QueueErrorCodes.ReceiptHandleIsInvalid)
        {
            // Received again elsewhere after its visibility timeout: that receive now owns it.
        }
    }
}
