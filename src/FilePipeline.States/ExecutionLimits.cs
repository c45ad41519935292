namespace FilePipeline.States;

/// <summary>
/// AWS's bounds on one execution's duration, and waiting on a clock for any span without tripping
/// .NET's timer limits (Task.Delay accepts at most about 49 days).
/// </summary>
internal static class ExecutionLimits
{
    /// <summary>An express execution runs at most five minutes.</summary>
    public static readonly TimeSpan ExpressMaximum = TimeSpan.FromMinutes(5);

    /// <summary>A standard execution runs at most one year.</summary>
    public static readonly TimeSpan StandardMaximum = TimeSpan.FromDays(365);

    private static readonly TimeSpan LongestTimer = TimeSpan.FromDays(1);

    /// <summary>The instant the execution times out, and the cause its ExecutionTimedOut event carries.</summary>
    public static (DateTimeOffset Deadline, string Cause) Deadline(DateTimeOffset start, int? timeoutSeconds, bool express)
    {
        var maximum = express ? ExpressMaximum : StandardMaximum;
        return timeoutSeconds is { } seconds && TimeSpan.FromSeconds(seconds) <= maximum
            ? (start + TimeSpan.FromSeconds(seconds), $"The execution exceeded its TimeoutSeconds of {seconds} seconds")
            : (start + maximum, $"The execution exceeded the maximum duration of {(express ? "an express" : "a standard")} execution ({maximum.TotalSeconds:0} seconds)");
    }

    /// <summary>A delay in seconds as a TimeSpan, saturating instead of overflowing; NaN and negatives are no delay.</summary>
    public static TimeSpan FromSeconds(double seconds) =>
        double.IsNaN(seconds) || seconds <= 0 ? TimeSpan.Zero
        : seconds >= StandardMaximum.TotalSeconds * 2 ? StandardMaximum * 2
        : TimeSpan.FromSeconds(seconds);

    /// <summary>Waits on <paramref name="time"/> until <paramref name="until"/>, in steps short enough for any timer.</summary>
    public static async Task DelayUntilAsync(TimeProvider time, DateTimeOffset until, CancellationToken cancellationToken)
    {
        for (var left = until - time.GetUtcNow(); left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            await Task.Delay(left < LongestTimer ? left : LongestTimer, time, cancellationToken);
        }
    }
}
