namespace FilePipeline.Local.Queues;

/// <summary>A message as it sits in a queue, read without receiving it (for the CLI and tests).</summary>
/// <param name="VisibleAt">When it can next be received; in the past when it is visible now.</param>
public sealed record QueuedMessage(string MessageId, string Body, int ReceiveCount, DateTimeOffset SentAt, DateTimeOffset VisibleAt);
