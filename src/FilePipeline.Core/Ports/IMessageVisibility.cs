namespace FilePipeline.Core.Ports;

/// <summary>
/// ChangeMessageVisibility on a message received from the work queue (SQS on AWS): it becomes
/// visible again that many seconds from now, which is how a failed message gets its retry delay.
/// </summary>
public interface IMessageVisibility
{
    /// <summary>A receipt handle that is no longer current is ignored: another receive owns the message.</summary>
    Task ChangeVisibilityAsync(string receiptHandle, int seconds, CancellationToken cancellationToken);
}
