namespace FilePipeline.Host.Template;

/// <summary>An AWS::Serverless::Function of the template, with Globals applied and its environment resolved locally.</summary>
public sealed record FunctionDefinition
{
    public required string LogicalId { get; init; }

    public required string Name { get; init; }

    public required string Arn { get; init; }

    /// <summary>ANNOTATIONS_HANDLER: which handler class serves it (ValidateUpload, ProcessQueue, InspectFile).</summary>
    public required string Handler { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required int MemorySize { get; init; }

    public required IReadOnlyDictionary<string, string> Environment { get; init; }

    /// <summary>EventInvokeConfig.MaximumRetryAttempts of an asynchronous invoke (Lambda's default is 2).</summary>
    public int MaximumRetryAttempts { get; init; } = 2;

    /// <summary>The queue (logical id) of EventInvokeConfig.DestinationConfig.OnFailure, if any.</summary>
    public string? OnFailureQueue { get; init; }

    /// <summary>ReservedConcurrentExecutions: how many invocations may run at once; null when the function shares the account's pool.</summary>
    public int? ReservedConcurrentExecutions { get; init; }

    public S3EventSource? S3Events { get; init; }

    public SqsEventSource? SqsEvents { get; init; }

    /// <summary>True when <paramref name="nameOrArn"/> is this function's name, ARN, or ARN with a :$LATEST qualifier.</summary>
    public bool IsNamed(string nameOrArn) =>
        nameOrArn == Name || nameOrArn == Arn || nameOrArn == Arn + ":$LATEST" || nameOrArn == LogicalId;
}

/// <summary>An S3 event of a function: the bucket (logical id) and its key filter.</summary>
public sealed record S3EventSource(string BucketLogicalId, string? KeyPrefix, string? KeySuffix)
{
    public bool Matches(string key) =>
        (KeyPrefix is null || key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        && (KeySuffix is null || key.EndsWith(KeySuffix, StringComparison.Ordinal));
}

/// <summary>An SQS event source mapping of a function.</summary>
public sealed record SqsEventSource(string QueueLogicalId, int BatchSize, int MaximumBatchingWindowInSeconds, bool ReportBatchItemFailures);
