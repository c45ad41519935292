namespace FilePipeline.Local.Queues;

/// <summary>SQS SendMessage's answer.</summary>
public sealed record SendMessageResult(string MessageId, string MD5OfMessageBody);
