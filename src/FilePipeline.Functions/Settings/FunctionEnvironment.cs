namespace FilePipeline.Functions.Settings;

/// <summary>
/// The environment variables the functions read; serverless.template sets them and the local host
/// reads them from there, so these names appear in exactly those two places.
/// </summary>
public static class FunctionEnvironment
{
    /// <summary>Selects the function in the single <c>bootstrap</c> executable (Lambda Annotations' convention).</summary>
    public const string Handler = "ANNOTATIONS_HANDLER";

    public const string FilesTableName = "FILES_TABLE_NAME";
    public const string QueueUrl = "QUEUE_URL";
    public const string StateMachineArn = "STATE_MACHINE_ARN";

    /// <summary>How long a claim on a file lasts, in seconds.</summary>
    public const string LeaseSeconds = "LEASE_SECONDS";

    /// <summary>
    /// Comma-separated seconds a failed work message stays invisible after its 1st, 2nd, … failed
    /// receive (ChangeMessageVisibility); the last value repeats.
    /// </summary>
    public const string RetryBackoffSeconds = "RETRY_BACKOFF_SECONDS";

    /// <summary>The work queue's maxReceiveCount: on that receive ProcessQueue records a failure itself.</summary>
    public const string MaxReceiveCount = "MAX_RECEIVE_COUNT";

    /// <summary>How many executions ProcessQueue runs at once.</summary>
    public const string MaxConcurrency = "MAX_CONCURRENCY";

    /// <summary>Comma-separated key suffixes, e.g. <c>.csv</c>.</summary>
    public const string AllowedSuffixes = "ALLOWED_SUFFIXES";

    public const string MaxFileBytes = "MAX_FILE_BYTES";
    public const string SniffBytes = "SNIFF_BYTES";

    /// <summary>How long before the invocation deadline InspectFile gives up, in milliseconds.</summary>
    public const string DeadlineMarginMs = "DEADLINE_MARGIN_MS";

    /// <summary>Lambda's log level (TRACE … FATAL), set by the function's logging configuration.</summary>
    public const string LogLevel = "AWS_LAMBDA_LOG_LEVEL";
}
