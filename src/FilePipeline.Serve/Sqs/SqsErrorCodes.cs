namespace FilePipeline.Serve.Sqs;

/// <summary>
/// SQS error codes in both protocols: the Query protocol's codes (<c>AWS.SimpleQueueService.NonExistentQueue</c>)
/// and the JSON protocol's shape names (<c>QueueDoesNotExist</c>), which the JSON answer carries with the
/// Query code in <c>x-amzn-query-error</c> for query-compatible clients.
/// </summary>
public static class SqsErrorCodes
{
    private const string LegacyPrefix = "AWS.SimpleQueueService.";

    public static string JsonShape(string queryCode)
    {
        ArgumentNullException.ThrowIfNull(queryCode);
        return queryCode switch
        {
            "AWS.SimpleQueueService.NonExistentQueue" => "QueueDoesNotExist",
            "AWS.SimpleQueueService.PurgeQueueInProgress" => "PurgeQueueInProgress",
            _ when queryCode.StartsWith(LegacyPrefix, StringComparison.Ordinal) => queryCode[LegacyPrefix.Length..],
            _ => queryCode,
        };
    }

    /// <summary>Sender for the caller's mistakes, Receiver for ours (5xx).</summary>
    public static string FaultOf(int status) => status >= 500 ? "Receiver" : "Sender";
}
