using FilePipeline.Core.Ports;

namespace FilePipeline.Host.Template;

/// <summary>The resources the template describes, by the names and settings the backend and the local state create them with.</summary>
internal static class TemplateResources
{
    /// <summary>The bucket, queues and table the backend provides.</summary>
    public static PipelineResources Backend(PipelineTemplate template) => new(
        template.Identity.Region,
        template.Bucket.Name,
        AsyncInvokeQueue(template),
        UploadNotificationId(template),
        Queue(template, template.DeadLetterQueue),
        Queue(template, template.WorkQueue),
        template.Table.Name,
        template.Table.PartitionKey);

    /// <summary>
    /// ValidateUpload's async-invoke queue (the S3 notification target). Lambda's async invoke: 1 try +
    /// MaximumRetryAttempts retries, then the invocation record to the OnFailure destination (the
    /// poller writes it; a redrive would move the bare event).
    /// </summary>
    public static QueueResource AsyncInvokeEvents(PipelineTemplate template) => new(
        AsyncInvokeQueue(template),
        (int)Math.Ceiling(template.ValidateUpload.Timeout.TotalSeconds),
        MessageRetentionPeriod: 21_600); // Lambda keeps async events up to 6 hours.

    /// <summary>ValidateUpload's OnFailure destination: the template's queue, else one of Lambda's defaults.</summary>
    public static QueueResource FailedInvocations(PipelineTemplate template) => template.ValidateUpload.OnFailureQueue is { } destination
        ? Queue(template, template.Queue(destination))
        : new QueueResource(template.ValidateUpload.Name + "-async-failures", VisibilityTimeout: 30, MessageRetentionPeriod: 1_209_600);

    public static string AsyncInvokeQueue(PipelineTemplate template) => template.ValidateUpload.Name + "-async-invoke";

    /// <summary>The bucket notification's id, which its S3 events carry as configurationId.</summary>
    public static string UploadNotificationId(PipelineTemplate template) => template.ValidateUpload.LogicalId + "-S3";

    private static QueueResource Queue(PipelineTemplate template, QueueSettings queue) => new(
        queue.Name,
        queue.VisibilityTimeout,
        queue.MessageRetentionPeriod,
        queue.Redrive is { } redrive ? new DeadLetterTarget(template.Queue(redrive.DeadLetterLogicalId).Name, redrive.MaxReceiveCount) : null);
}
