using System.Net;
using System.Text;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Lambda.Tests.Runtime;

/// <summary>A Step Functions endpoint on 127.0.0.1 that answers every StartSyncExecution with one fixed result.</summary>
internal sealed class StubStepFunctions : IAsyncDisposable
{
    private readonly string responseBody;
    private readonly LoopbackHttpServer server;

    public StubStepFunctions(string responseBody)
    {
        this.responseBody = responseBody;
        server = new LoopbackHttpServer(AnswerAsync);
    }

    public string Url => server.Url.ToString();

    public List<string> Targets { get; } = [];

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        lock (Targets)
        {
            Targets.Add(context.Request.Headers["X-Amz-Target"] ?? "");
        }

        var bytes = Encoding.UTF8.GetBytes(responseBody);
        context.Response.ContentType = "application/x-amz-json-1.0";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }
}
