namespace FilePipeline.Functions.Runtime;

/// <summary>The structured field names every component logs under, so logs can be queried across functions.</summary>
public static class LogFields
{
    public const string RequestId = "requestId";
    public const string FileId = "fileId";
    public const string MessageId = "messageId";
    public const string ExecutionId = "executionId";
    public const string TraceId = "traceId";
}
