namespace FilePipeline.Functions.Runtime;

/// <summary>
/// The context of one invocation, built by the Lambda bootstrap or the local host. The function's
/// own settings (version, memory, log group) are init properties the host sets from its environment.
/// </summary>
public sealed class LambdaContext : ILambdaContext
{
    private readonly TimeProvider time;

    /// <param name="logger">The function's logger; the context scopes it to <paramref name="awsRequestId"/> and <paramref name="traceId"/>.</param>
    public LambdaContext(
        string awsRequestId,
        string functionName,
        string invokedFunctionArn,
        DateTimeOffset deadline,
        ILambdaLogger logger,
        TimeProvider time,
        string? traceId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(awsRequestId);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        AwsRequestId = awsRequestId;
        FunctionName = functionName;
        InvokedFunctionArn = invokedFunctionArn;
        Deadline = deadline;
        Logger = logger.WithField(LogFields.RequestId, awsRequestId);
        if (traceId is not null)
        {
            Logger = Logger.WithField(LogFields.TraceId, traceId);
        }

        TraceId = traceId ?? string.Empty;
        this.time = time;
    }

    public string AwsRequestId { get; }

    public IClientContext? ClientContext { get; init; }

    public string FunctionVersion { get; init; } = "$LATEST";

    public ICognitoIdentity? Identity { get; init; }

    public string LogGroupName { get; init; } = string.Empty;

    public string LogStreamName { get; init; } = string.Empty;

    public int MemoryLimitInMB { get; init; }

    public string TenantId { get; init; } = string.Empty;

    public string FunctionName { get; }

    public string InvokedFunctionArn { get; }

    /// <summary>When the runtime stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - this.time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public ILambdaLogger Logger { get; }

    public string TraceId { get; }
}
