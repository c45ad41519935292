namespace FilePipeline.Functions.Runtime;

/// <summary>
/// What a function knows about its invocation: exactly Amazon.Lambda.Core's <c>ILambdaContext</c>
/// members. <see cref="LambdaContext"/> is the hosts' implementation, <c>TestLambdaContext</c> the tests'.
/// </summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    /// <summary>The mobile client's context (<c>Lambda-Runtime-Client-Context</c>), when invoked with one.</summary>
    IClientContext? ClientContext { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    /// <summary>The Cognito identity (<c>Lambda-Runtime-Cognito-Identity</c>), when invoked with one.</summary>
    ICognitoIdentity? Identity { get; }

    string InvokedFunctionArn { get; }

    /// <summary>A logger already scoped to <see cref="AwsRequestId"/>.</summary>
    ILambdaLogger Logger { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    int MemoryLimitInMB { get; }

    /// <summary>Time left until the runtime stops the invocation, never negative.</summary>
    TimeSpan RemainingTime { get; }

    string TenantId => string.Empty;

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>); empty when there is none.</summary>
    string TraceId => string.Empty;

    ILambdaSerializer? Serializer => null;
}
