namespace FilePipeline.Local.Queues;

/// <summary>An embedded queue refused a request; <see cref="ErrorCode"/> is the code SQS would return (see <see cref="QueueErrorCodes"/>).</summary>
public sealed class QueueOperationException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
