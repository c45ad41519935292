using FilePipeline.Functions.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Functions.Tests.Fakes;

/// <summary>A fake clock, a Lambda context on it and the JSON log lines written through it.</summary>
internal sealed class TestInvocation
{
    public TestInvocation(TimeSpan? timeout = null)
    {
        Context = new LambdaContext(
            "req-1",
            "TestFunction",
            "arn:aws:lambda:us-east-1:123456789012:function:TestFunction",
            Time.GetUtcNow() + (timeout ?? TimeSpan.FromMinutes(6)),
            new JsonLambdaLogger(Output, Time, LogLevel.Debug),
            Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public StringWriter Output { get; } = new();

    public LambdaContext Context { get; }

    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> LogLines =>
        Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject())
            .ToList();
}
