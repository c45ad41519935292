namespace FilePipeline.Local.Queues;

/// <summary>SQS ReceiveMessage: up to <see cref="MaxNumberOfMessages"/> messages, optionally waiting up to <see cref="WaitTimeSeconds"/> for one.</summary>
public sealed record ReceiveMessageRequest(string QueueName)
{
    public int MaxNumberOfMessages { get; init; } = 1;

    /// <summary>Overrides the queue's visibility timeout for these messages.</summary>
    public int? VisibilityTimeout { get; init; }

    /// <summary>Long polling (0–20 s); null uses the queue's ReceiveMessageWaitTimeSeconds.</summary>
    public int? WaitTimeSeconds { get; init; }
}
