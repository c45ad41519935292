using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FilePipeline.Lambda.Tests.Runtime;

/// <summary>A Step Functions endpoint on 127.0.0.1 that answers every StartSyncExecution with one fixed result.</summary>
internal sealed class StubStepFunctions : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly string responseBody;
    private readonly Task loop;

    public StubStepFunctions(string responseBody)
    {
        this.responseBody = responseBody;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        listener.Prefixes.Add(Url);
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public List<string> Targets { get; } = [];

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await loop;
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

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
}
