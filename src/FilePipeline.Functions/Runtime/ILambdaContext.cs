namespace FilePipeline.Functions.Runtime;

/// <summary>
/// What a function knows about its invocation, shaped like Amazon.Lambda.Core's
/// <c>ILambdaContext</c> (plus <see cref="Deadline"/> and <see cref="TraceId"/>).
/// </summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    string FunctionName { get; }

    string InvokedFunctionArn { get; }

    /// <summary>When the runtime stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>, never negative.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>A logger already scoped to <see cref="AwsRequestId"/>.</summary>
    ILambdaLogger Logger { get; }

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), when there is one.</summary>
    string? TraceId { get; }
}
