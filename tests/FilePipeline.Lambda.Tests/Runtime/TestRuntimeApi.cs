using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Lambda.Tests.Runtime;

/// <summary>
/// A Lambda Runtime API on 127.0.0.1 served by the test: it hands out the invocations the test
/// queues (headers in lower case, as a proxy may send them) and records what the runtime posts.
/// </summary>
internal sealed class TestRuntimeApi : IAsyncDisposable
{
    private readonly Channel<QueuedInvocation> invocations = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly Channel<RuntimePost> posts = Channel.CreateUnbounded<RuntimePost>();
    private readonly CancellationTokenSource stopping = new();
    private readonly LoopbackHttpServer server;

    public TestRuntimeApi()
    {
        server = new LoopbackHttpServer(HandleAsync);
    }

    public int Port => server.Port;

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    public int NextRequests { get; private set; }

    public void Enqueue(string requestId, string payload, DateTimeOffset deadline, string? traceId = null) =>
        invocations.Writer.TryWrite(new QueuedInvocation(requestId, payload, deadline, traceId));

    public async Task<RuntimePost> NextPostAsync() => await posts.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await server.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        try
        {
            if (context.Request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
            {
                NextRequests++;
                var next = await invocations.Reader.ReadAsync(stopping.Token);
                context.Response.AddHeader("lambda-runtime-aws-request-id", next.RequestId);
                context.Response.AddHeader("lambda-runtime-deadline-ms", next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                context.Response.AddHeader("lambda-runtime-invoked-function-arn", "arn:aws:lambda:eu-west-1:123456789012:function:test");
                if (next.TraceId is not null)
                {
                    context.Response.AddHeader("lambda-runtime-trace-id", next.TraceId);
                }

                await WriteAsync(context, 200, next.Payload);
                return;
            }

            using var body = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var post = new RuntimePost(
                path,
                context.Request.ContentType,
                context.Request.Headers["Lambda-Runtime-Function-Error-Type"],
                await body.ReadToEndAsync());
            await WriteAsync(context, 202, """{"status":"OK"}""");
            posts.Writer.TryWrite(post);
        }
        catch (OperationCanceledException)
        {
            context.Response.Abort();
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private sealed record QueuedInvocation(string RequestId, string Payload, DateTimeOffset Deadline, string? TraceId);
}

/// <summary>What the runtime posted: <see cref="Path"/> says whether it was a response, an error or an init error.</summary>
internal sealed record RuntimePost(string Path, string? ContentType, string? ErrorTypeHeader, string Body);
