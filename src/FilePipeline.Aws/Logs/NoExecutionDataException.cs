namespace FilePipeline.Aws.Logs;

/// <summary>The log group exists, but what the question needs is not logged (logging level below ALL, or execution data off).</summary>
public sealed class NoExecutionDataException(string message) : Exception(message);
