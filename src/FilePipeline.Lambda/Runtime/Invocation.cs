namespace FilePipeline.Lambda.Runtime;

/// <summary>One invocation as the Runtime API's <c>next</c> response describes it.</summary>
/// <param name="Deadline">From <c>Lambda-Runtime-Deadline-Ms</c> (epoch milliseconds).</param>
public sealed record Invocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Payload);
