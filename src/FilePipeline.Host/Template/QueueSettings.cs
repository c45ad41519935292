namespace FilePipeline.Host.Template;

/// <summary>An AWS::SQS::Queue of the template, resolved to its local name.</summary>
public sealed record QueueSettings(string LogicalId, string Name, int VisibilityTimeout, int MessageRetentionPeriod, QueueRedrive? Redrive);

/// <summary>A queue's RedrivePolicy: the dead-letter queue's logical id and maxReceiveCount.</summary>
public sealed record QueueRedrive(string DeadLetterLogicalId, int MaxReceiveCount);
