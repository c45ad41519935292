using FilePipeline.Functions.Runtime;

namespace FilePipeline.Functions.TestUtilities;

/// <summary>
/// A Lambda context whose every member a test sets, shaped like Amazon.Lambda.TestUtilities'
/// <c>TestLambdaContext</c>: all of <see cref="ILambdaContext"/>, settable, and a
/// <see cref="TestLambdaLogger"/> unless a test gives another logger.
/// </summary>
public class TestLambdaContext : ILambdaContext
{
    public string AwsRequestId { get; set; } = string.Empty;

    public IClientContext? ClientContext { get; set; }

    public string FunctionName { get; set; } = string.Empty;

    public string FunctionVersion { get; set; } = string.Empty;

    public ICognitoIdentity? Identity { get; set; }

    public string InvokedFunctionArn { get; set; } = string.Empty;

    public ILambdaLogger Logger { get; set; } = new TestLambdaLogger();

    public string LogGroupName { get; set; } = string.Empty;

    public string LogStreamName { get; set; } = string.Empty;

    public int MemoryLimitInMB { get; set; }

    public TimeSpan RemainingTime { get; set; }

    public string TenantId { get; set; } = string.Empty;

    public string TraceId { get; set; } = string.Empty;

    public ILambdaSerializer? Serializer { get; set; }
}
