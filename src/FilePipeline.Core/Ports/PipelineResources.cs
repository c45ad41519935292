namespace FilePipeline.Core.Ports;

/// <summary>The bucket, queues and table a backend provides, by name and settings (the host reads them from the template).</summary>
/// <param name="UploadEventQueue">Where a bucket that notifies by itself sends its S3 events (ValidateUpload's async-invoke queue).</param>
/// <param name="UploadNotificationId">The notification configuration's id the S3 events carry.</param>
public sealed record PipelineResources(
    string Region,
    string BucketName,
    string UploadEventQueue,
    string UploadNotificationId,
    QueueResource DeadLetterQueue,
    QueueResource WorkQueue,
    string TableName,
    string TablePartitionKey);

/// <summary>A queue with the attributes SQS takes; <paramref name="Redrive"/> moves a message to a dead-letter queue after its receives.</summary>
public sealed record QueueResource(string Name, int VisibilityTimeout, int MessageRetentionPeriod, DeadLetterTarget? Redrive = null);

/// <summary>A RedrivePolicy by the dead-letter queue's name.</summary>
public sealed record DeadLetterTarget(string QueueName, int MaxReceiveCount);
