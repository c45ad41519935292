namespace FilePipeline.Local.Objects;

/// <summary>A bucket's ObjectCreated notification: each put queues an S3 event onto <see cref="QueueName"/>, labelled with <see cref="ConfigurationId"/> as S3 does.</summary>
public sealed record BucketNotification(string QueueName, string ConfigurationId);
