namespace FilePipeline.Core.Ports;

/// <summary>The work queue between ValidateUpload and ProcessQueue (SQS on AWS).</summary>
public interface IJobQueue
{
    /// <summary>
    /// Sends up to 10 messages in one batch, like SQS SendMessageBatch: the call can succeed
    /// for some entries and fail for others; the failed entries' ids are returned.
    /// </summary>
    Task<IReadOnlyList<SendFailure>> SendBatchAsync(IReadOnlyList<OutgoingMessage> entries, CancellationToken cancellationToken);
}

/// <summary>One entry of a send batch; <see cref="Id"/> is unique within the batch.</summary>
public sealed record OutgoingMessage(string Id, string Body);

/// <summary>An entry the queue refused; <see cref="SenderFault"/> false means retrying may help.</summary>
public sealed record SendFailure(string Id, string Code, string Message, bool SenderFault);
