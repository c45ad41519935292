namespace FilePipeline.Serve.Logs;

/// <summary>
/// A CloudWatch Logs group whose streams and events are read, on each request, from what the local
/// pipeline already keeps (execution histories, function log files): nothing is written twice.
/// </summary>
public abstract class LogGroup(string name, int? retentionInDays, long creationTime)
{
    public string Name { get; } = name;

    public int? RetentionInDays { get; } = retentionInDays;

    public long CreationTime { get; } = creationTime;

    public abstract IReadOnlyList<LogStream> Streams();

    /// <summary>The stream's events in stream order (an unknown stream has none).</summary>
    public abstract IReadOnlyList<LogEvent> Events(string streamName);
}
