using System.Text;
using FilePipeline.Functions.Runtime;
using FilePipeline.Lambda.Runtime;

namespace FilePipeline.Annotations.Tests.Hosts;

/// <summary>A Runtime API that hands out one invocation and records what the bootstrap posts for it.</summary>
internal sealed class OneInvocationRuntime(Invocation invocation) : IRuntimeApiClient
{
    private readonly TaskCompletionSource<string> posted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int served;

    /// <summary>"response: {body}", "error: {errorType}" or "init error: {errorType}".</summary>
    public Task<string> Posted => posted.Task;

    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref served) == 1)
        {
            return invocation;
        }

        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException(cancellationToken);
    }

    public Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        posted.TrySetResult("response: " + Encoding.UTF8.GetString(response.Span));
        return Task.CompletedTask;
    }

    public Task ReportInvocationErrorAsync(string requestId, LambdaError lambdaError, CancellationToken cancellationToken)
    {
        posted.TrySetResult("error: " + lambdaError.ErrorType);
        return Task.CompletedTask;
    }

    public Task ReportInitErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken)
    {
        posted.TrySetResult("init error: " + lambdaError.ErrorType);
        return Task.CompletedTask;
    }
}
