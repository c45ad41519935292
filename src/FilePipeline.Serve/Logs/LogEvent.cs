namespace FilePipeline.Serve.Logs;

/// <summary>One event of a log stream: epoch-millisecond times, the message text, and its place in the stream.</summary>
public sealed record LogEvent(string StreamName, long Timestamp, long IngestionTime, string Message, long Sequence);
