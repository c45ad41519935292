namespace FilePipeline.Core.Ports;

/// <summary>SQS's batch limits, which the queue ports follow on every backend.</summary>
public static class SqsLimits
{
    /// <summary>Entries in one SendMessageBatch or DeleteMessageBatch.</summary>
    public const int MaxBatchEntries = 10;

    /// <summary>Messages one ReceiveMessage returns.</summary>
    public const int MaxMessagesPerReceive = 10;
}
