namespace FilePipeline.Functions;

/// <summary>
/// How long a failed work message stays invisible: the configured backoff for its receive count,
/// and never less than a claim an execution that may still be running holds (its start call failed
/// on our side), so two receives of one message never run at once. A claim an ended execution left
/// is the message's own to take again (ClaimFile), whatever its lease says.
/// </summary>
public static class RetryBackoff
{
    /// <summary>SQS's largest visibility timeout.</summary>
    public const int MaxSeconds = 43_200;

    /// <param name="backoff">Delays after the 1st, 2nd, … failed receive; the last repeats.</param>
    /// <param name="receiveCount">The message's ApproximateReceiveCount (1 on its first receive).</param>
    /// <param name="claimMayHoldUntil">Epoch seconds until which the file's claim may still hold; 0 when no claim was left behind.</param>
    /// <param name="now">Epoch seconds now.</param>
    public static int SecondsFor(IReadOnlyList<TimeSpan> backoff, int receiveCount, long claimMayHoldUntil, long now)
    {
        ArgumentNullException.ThrowIfNull(backoff);
        var configured = backoff.Count == 0 ? 0 : (long)backoff[Math.Clamp(receiveCount, 1, backoff.Count) - 1].TotalSeconds;
        var untilClaimLapses = claimMayHoldUntil == 0 ? 0 : claimMayHoldUntil - now + 1;
        return (int)Math.Clamp(Math.Max(configured, untilClaimLapses), 0, MaxSeconds);
    }
}
