namespace FilePipeline.Local.Queues;

/// <summary>SQS's ApproximateNumberOfMessages (visible) and ApproximateNumberOfMessagesNotVisible (in flight).</summary>
public sealed record QueueCounts(int Visible, int NotVisible);
