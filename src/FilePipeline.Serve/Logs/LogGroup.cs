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

    /// <summary>
    /// The events of the streams <paramref name="stream"/> selects, each stream's in stream order; those
    /// outside [<paramref name="startTime"/>, <paramref name="endTime"/>] (epoch ms, inclusive) may be left out.
    /// </summary>
    public abstract IReadOnlyList<LogEvent> Events(Func<string, bool> stream, long startTime = long.MinValue, long endTime = long.MaxValue);
}
