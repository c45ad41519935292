using System.Net;

namespace FilePipeline.Testing.Emulators;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 for a test's stand-in of an AWS service: every request is handed to
/// <c>handle</c> on a task of its own (a long poll must not hold up the next request); disposing stops it.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<HttpListenerContext, Task> handle;
    private readonly Task loop;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        this.handle = handle;
        Port = LoopbackPort.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await loop.ConfigureAwait(false);
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // The managed listener's Close looks its endpoint up again and can lose the port to another test's listener meanwhile; it is stopped already.
        }
    }

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => handle(context));
        }
    }
}
