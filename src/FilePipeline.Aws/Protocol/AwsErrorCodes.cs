namespace FilePipeline.Aws.Protocol;

/// <summary>Error codes AWS services use for throttling (the SDKs retry these with backoff).</summary>
public static class AwsErrorCodes
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
        "RequestTimeout",
        "RequestTimeoutException",
    };

    public static bool IsThrottling(string? errorCode) => errorCode is not null && Throttling.Contains(errorCode);

    /// <summary>The short name in an error's <c>__type</c> or <c>x-amzn-ErrorType</c>: after the last <c>#</c>, before any <c>:</c>.</summary>
    public static string ShortName(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = type[(type.LastIndexOf('#') + 1)..];
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? name : name[..colon];
    }
}
