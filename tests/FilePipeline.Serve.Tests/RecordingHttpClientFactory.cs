using System.Collections.Concurrent;
using Amazon.Runtime;

namespace FilePipeline.Serve.Tests;

/// <summary>An SDK HTTP client factory that records each request's headers, to see what the SDK actually sent.</summary>
public sealed class RecordingHttpClientFactory : HttpClientFactory
{
    public ConcurrentQueue<HttpRequestMessage> Requests { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new Recorder(Requests) { InnerHandler = new HttpClientHandler() });

    private sealed class Recorder(ConcurrentQueue<HttpRequestMessage> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
