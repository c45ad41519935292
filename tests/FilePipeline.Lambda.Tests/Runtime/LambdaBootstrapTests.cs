using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Functions.Runtime;
using FilePipeline.Lambda.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Lambda.Tests.Runtime;

/// <summary>The bootstrap against a Runtime API served by the test over HTTP.</summary>
public sealed class LambdaBootstrapTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private readonly TestRuntimeApi api = new();
    private readonly FakeTimeProvider time = new(Now);
    private readonly StringWriter log = new();
    private readonly Dictionary<string, string?> environment = [];
    private readonly CancellationTokenSource stop = new();
    private HttpRuntimeApiClient? client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await api.DisposeAsync();
    }

    public void Dispose()
    {
        client?.Dispose();
        stop.Dispose();
        log.Dispose();
    }

    [Fact]
    public async Task An_invocation_gets_its_context_from_the_headers_and_its_response_is_posted()
    {
        ILambdaContext? seen = null;
        var run = Start(Registry(("Echo", (input, context, _) =>
        {
            seen = context;
            context.Logger.LogInformation("echoing");
            return Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("{\"got\":" + Encoding.UTF8.GetString(input.Span) + "}"));
        })), "Echo");

        api.Enqueue("req-1", """{"n":1}""", Now.AddSeconds(30), "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-1/response", post.Path);
        Assert.Equal("""{"got":{"n":1}}""", post.Body);
        Assert.Equal("req-1", seen!.AwsRequestId);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:test", seen.InvokedFunctionArn);
        Assert.Equal("test-function", seen.FunctionName);
        Assert.Equal(TimeSpan.FromSeconds(30), seen.RemainingTime);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", seen.TraceId);
        Assert.Equal(("7", 512, "/aws/lambda/test-function", "2026/12/06/[7]abc"), (seen.FunctionVersion, seen.MemoryLimitInMB, seen.LogGroupName, seen.LogStreamName));
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", environment[LambdaBootstrap.TraceIdVariable]);
        var line = JsonNode.Parse(log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains("echoing", StringComparison.Ordinal)))!;
        Assert.Equal("req-1", (string?)line["requestId"]);
        Assert.Equal("INFO", (string?)line["level"]);
        await StopAsync(run, expectedExitCode: 0);
    }

    [Fact]
    public async Task A_handler_exception_is_posted_as_an_error_named_after_its_type_and_the_loop_goes_on()
    {
        var calls = 0;
        var run = Start(Registry(("Flaky", (_, _, _) =>
            ++calls == 1
                ? throw new InvalidDataException("line 3 has an unclosed quote")
                : Task.FromResult<ReadOnlyMemory<byte>>("{}"u8.ToArray()))), "Flaky");

        api.Enqueue("req-bad", "{}", Now.AddSeconds(30));
        api.Enqueue("req-good", "{}", Now.AddSeconds(30));
        var error = await api.NextPostAsync();
        var next = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-bad/error", error.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", error.ContentType);
        Assert.Equal("InvalidDataException", error.ErrorTypeHeader);
        var body = JsonNode.Parse(error.Body)!;
        Assert.Equal("InvalidDataException", (string?)body["errorType"]);
        Assert.Equal("line 3 has an unclosed quote", (string?)body["errorMessage"]);
        Assert.NotEmpty(body["stackTrace"]!.AsArray());
        Assert.Equal("/2018-06-01/runtime/invocation/req-good/response", next.Path);
        await StopAsync(run, expectedExitCode: 0);
    }

    [Fact]
    public async Task A_failing_init_is_reported_to_init_error_and_no_invocation_is_taken()
    {
        var broken = new LambdaFunctionRegistry([new LambdaFunctionDescriptor("Broken", "BrokenFunction", _ => throw new InvalidOperationException("QUEUE_URL is not set"))]);
        var exit = await Start(broken, "Broken");

        var post = await api.NextPostAsync();
        Assert.Equal(1, exit);
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal("InvalidOperationException", post.ErrorTypeHeader);
        Assert.Equal("QUEUE_URL is not set", (string?)JsonNode.Parse(post.Body)!["errorMessage"]);
        Assert.Equal(0, api.NextRequests);
    }

    [Theory]
    [InlineData("Nope", "Unknown handler 'Nope': this registry has Echo, Other.")]
    [InlineData(null, "No handler selected: set ANNOTATIONS_HANDLER to one of Echo, Other.")]
    public async Task An_unknown_or_missing_handler_fails_init_loudly(string? name, string expectedMessage)
    {
        var noop = (LambdaHandler)((_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty));

        var exit = await Start(Registry(("Other", noop), ("Echo", noop)), name);

        var post = await api.NextPostAsync();
        Assert.Equal(1, exit);
        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("HandlerNotFoundException", post.ErrorTypeHeader);
        Assert.Equal(expectedMessage, (string?)JsonNode.Parse(post.Body)!["errorMessage"]);
    }

    [Fact]
    public async Task A_handler_still_running_at_the_deadline_is_cancelled_and_reported_as_an_error()
    {
        var started = new TaskCompletionSource();
        var run = Start(Registry(("Slow", async (_, _, cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return ReadOnlyMemory<byte>.Empty;
        })), "Slow");

        api.Enqueue("req-slow", "{}", Now.AddSeconds(3));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(3));
        var post = await api.NextPostAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-slow/error", post.Path);
        Assert.Equal("TaskCanceledException", post.ErrorTypeHeader);
        await StopAsync(run, expectedExitCode: 0);
    }

    private static LambdaFunctionRegistry Registry(params (string Name, LambdaHandler Handler)[] handlers) =>
        new(handlers.Select(h => new LambdaFunctionDescriptor(h.Name, h.Name + "Function", _ => h.Handler)));

    private Task<int> Start(LambdaFunctionRegistry registry, string? handlerName)
    {
        client = new HttpRuntimeApiClient(api.Address);
        var variables = new Dictionary<string, string>
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = "test-function",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "7",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/test-function",
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/12/06/[7]abc",
        };
        var settings = BootstrapSettings.FromEnvironment(variables.GetValueOrDefault, new JsonLambdaLogger(log, time), time) with
        {
            SetEnvironmentVariable = (name, value) => environment[name] = value,
        };
        return Task.Run(() => new LambdaBootstrap(client, settings).RunAsync(() => registry.Create(handlerName, null), stop.Token));
    }

    private async Task StopAsync(Task<int> run, int expectedExitCode)
    {
        await stop.CancelAsync();
        Assert.Equal(expectedExitCode, await run.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
