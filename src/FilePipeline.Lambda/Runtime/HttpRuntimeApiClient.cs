using System.Globalization;
using System.Net.Http.Headers;
using FilePipeline.Functions.Runtime;

namespace FilePipeline.Lambda.Runtime;

/// <summary>The Runtime API over HTTP at <c>http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/</c>.</summary>
public sealed class HttpRuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private readonly HttpClient http;

    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c> (host:port).</param>
    public HttpRuntimeApiClient(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        // "next" blocks until an invocation arrives, however long the function stays idle.
        http = new HttpClient { BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"), Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("FilePipeline.Lambda", "1.0"));
    }

    public async Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        // HttpHeaders match names case-insensitively, as the Runtime API contract asks.
        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("The Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        var deadlineMs = Header(response, "Lambda-Runtime-Deadline-Ms");
        return new Invocation(
            requestId,
            deadlineMs is null ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(deadlineMs, CultureInfo.InvariantCulture)),
            Header(response, "Lambda-Runtime-Invoked-Function-Arn") ?? string.Empty,
            Header(response, "Lambda-Runtime-Trace-Id"),
            Header(response, "Lambda-Runtime-Client-Context"),
            Header(response, "Lambda-Runtime-Cognito-Identity"),
            payload);
    }

    public async Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(response);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, errorType: null, cancellationToken).ConfigureAwait(false);
    }

    public Task ReportInvocationErrorAsync(string requestId, LambdaError lambdaError, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", lambdaError, cancellationToken);

    public Task ReportInitErrorAsync(LambdaError lambdaError, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", lambdaError, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task PostErrorAsync(string path, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = new ByteArrayContent(error.ToJsonBody());
        content.Headers.ContentType = new MediaTypeHeaderValue(LambdaError.ContentType);
        await PostAsync(path, content, error.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", errorType);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
