using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.TestUtilities;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Functions.Tests.Fakes;

/// <summary>
/// A fake clock, a <see cref="TestLambdaContext"/> and the JSON log lines written through it: its
/// logger is the hosts' JSON logger scoped to the request, so tests can read the structured fields.
/// </summary>
internal sealed class TestInvocation
{
    public const string RequestId = "req-1";

    public TestInvocation(TimeSpan? timeout = null)
    {
        Context = new TestLambdaContext
        {
            AwsRequestId = RequestId,
            FunctionName = "TestFunction",
            InvokedFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:TestFunction",
            RemainingTime = timeout ?? TimeSpan.FromMinutes(6),
            Logger = new JsonLambdaLogger(Output, Time, LogLevel.Debug).WithField(LogFields.RequestId, RequestId),
        };
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public StringWriter Output { get; } = new();

    public TestLambdaContext Context { get; }

    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> LogLines =>
        Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject())
            .ToList();
}
