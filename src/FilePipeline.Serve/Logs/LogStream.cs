namespace FilePipeline.Serve.Logs;

/// <summary>A log stream as DescribeLogStreams reports it (epoch milliseconds; the event times are absent for an empty stream).</summary>
public sealed record LogStream(string Name, long CreationTime, long? FirstEventTimestamp = null, long? LastEventTimestamp = null, long? LastIngestionTime = null);
