namespace FilePipeline.Functions.Runtime;

/// <summary>Cancellation that fires a safety margin before an invocation's deadline.</summary>
public static class InvocationDeadline
{
    /// <summary>A source that cancels <paramref name="margin"/> before <see cref="ILambdaContext.Deadline"/> (at once when that has passed).</summary>
    public static CancellationTokenSource CreateTokenSource(ILambdaContext context, TimeSpan margin, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = context.RemainingTime - margin;
        if (budget > TimeSpan.Zero)
        {
            return new CancellationTokenSource(budget, time);
        }

        var expired = new CancellationTokenSource();
        expired.Cancel();
        return expired;
    }
}
