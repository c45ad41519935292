using FilePipeline.Functions.Runtime;

namespace FilePipeline.Lambda.Runtime;

/// <summary>The Lambda Runtime API (2018-06-01) as the bootstrap uses it; tests substitute their own.</summary>
public interface IRuntimeApiClient
{
    /// <summary>Blocks until Lambda hands over the next invocation.</summary>
    Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken);

    Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    Task ReportInvocationErrorAsync(string requestId, LambdaError lambdaError, CancellationToken cancellationToken);

    /// <summary>Reports that the runtime could not start; Lambda then fails the pending invocation.</summary>
    Task ReportInitErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken);
}
