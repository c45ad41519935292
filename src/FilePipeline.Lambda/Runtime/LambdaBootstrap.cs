using FilePipeline.Functions.Runtime;

namespace FilePipeline.Lambda.Runtime;

/// <summary>
/// The custom runtime's event loop: init the selected function (reporting a failure to
/// <c>/init/error</c>), then for ever take the next invocation, run it with a context built from
/// its headers, and post the response or the error.
/// </summary>
public sealed class LambdaBootstrap(IRuntimeApiClient runtime, BootstrapSettings settings)
{
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <param name="initialize">Builds the selected function, typically from the generated registry; it runs once, in the init phase.</param>
    /// <returns>0 when stopped through <paramref name="cancellationToken"/>; 1 when init failed.</returns>
    public async Task<int> RunAsync(Func<LambdaHandler> initialize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        LambdaHandler handler;
        try
        {
            handler = initialize();
        }
#pragma warning disable CA1031 // Any init failure must reach Lambda as an init error, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            settings.Logger.LogCritical(e, "Init failed.");
            await runtime.ReportInitErrorAsync(LambdaError.From(e), cancellationToken).ConfigureAwait(false);
            return 1;
        }

        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var invocation = await runtime.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
                await InvokeAsync(handler, invocation, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the host (tests, or a local runner); Lambda itself just freezes or kills the process.
        }

        return 0;
    }

    private async Task InvokeAsync(LambdaHandler handler, Invocation invocation, CancellationToken cancellationToken)
    {
        settings.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        var context = new LambdaContext(invocation.RequestId, settings.FunctionName, invocation.InvokedFunctionArn, invocation.Deadline, settings.Logger, settings.Time, invocation.TraceId)
        {
            FunctionVersion = settings.FunctionVersion,
            MemoryLimitInMB = settings.MemoryLimitInMB,
            LogGroupName = settings.LogGroupName,
            LogStreamName = settings.LogStreamName,
        };
        using var atDeadline = DeadlineSource(context);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, atDeadline.Token);
        ReadOnlyMemory<byte> response;
        try
        {
            response = await handler(invocation.Payload, context, linked.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A function's failure, whatever its type, is reported to Lambda and the loop goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            context.Logger.LogError(e, "Invocation failed.");
            await ReportAsync(() => runtime.ReportInvocationErrorAsync(invocation.RequestId, LambdaError.From(e), cancellationToken), context).ConfigureAwait(false);
            return;
        }

        await ReportAsync(() => runtime.SendResponseAsync(invocation.RequestId, response, cancellationToken), context).ConfigureAwait(false);
    }

    private CancellationTokenSource DeadlineSource(LambdaContext context)
    {
        var remaining = context.RemainingTime;
        // Beyond about 49 days a timer cannot be set; such a deadline is as good as none.
        return remaining < TimeSpan.FromDays(30) ? new CancellationTokenSource(remaining, settings.Time) : new CancellationTokenSource();
    }

    // The Runtime API refuses e.g. a response over 6 MB; that fails this invocation, not the runtime.
    private static async Task ReportAsync(Func<Task> post, LambdaContext context)
    {
        try
        {
            await post().ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            context.Logger.LogError(e, "The Runtime API refused the result.");
        }
    }
}
