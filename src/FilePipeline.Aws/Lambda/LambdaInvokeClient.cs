using System.Net;
using System.Text;
using FilePipeline.Aws.Protocol;

namespace FilePipeline.Aws.Lambda;

/// <summary>
/// Lambda's Invoke over its REST-JSON protocol (AWSSDK.Lambda is not available here), for the one
/// use this project has: an asynchronous invoke (<c>X-Amz-Invocation-Type: Event</c>) that hands a
/// function an event exactly as S3's notification would, answered 202 before it runs.
/// </summary>
public sealed class LambdaInvokeClient(HttpClient http, AwsRequestSigner signer, Uri baseUrl, string region)
{
    /// <summary>The regional endpoint, or <c>AWS_ENDPOINT_URL_LAMBDA</c>/<c>AWS_ENDPOINT_URL</c>.</summary>
    public static LambdaInvokeClient Create(HttpClient http, AwsRequestSigner signer, string region, Func<string, string?> environment) =>
        new(http, signer, AwsJsonEndpoint.ServiceUrl("LAMBDA", "lambda", region, environment), region);

    /// <summary>Queues one asynchronous invocation; Lambda retries and routes its failure as the function's async settings say.</summary>
    /// <param name="function">A function name, or an ARN (its name and any version or alias qualifier are used).</param>
    /// <returns>The request id Lambda gave the invocation.</returns>
    public async Task<string?> InvokeAsync(string function, string payload, CancellationToken cancellationToken)
    {
        var (name, qualifier) = FunctionOf(function);
        // A name (letters, digits, '-', '_') needs no escaping, so the path signs as it is sent.
        var path = $"2015-03-31/functions/{name}/invocations" + (qualifier is null ? "" : "?Qualifier=" + Uri.EscapeDataString(qualifier));
        var url = new Uri(baseUrl, path);
        using var message = await signer.CreateAsync(HttpMethod.Post, url, Encoding.UTF8.GetBytes(payload), "application/json", region, "lambda", [new("X-Amz-Invocation-Type", "Event")]).ConfigureAwait(false);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            throw response.IsSuccessStatusCode
                ? new AwsServiceException("InvalidResponse", $"An Event invoke answered {(int)response.StatusCode}, not 202.", response.StatusCode, requestId)
                : AwsJsonClient.ErrorFrom(response, content, requestId);
        }

        return requestId;
    }

    // arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]; Lambda's destination records carry such ARNs.
    internal static (string Name, string? Qualifier) FunctionOf(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        var parts = function.Split(':');
        if (parts.Length < 7 || parts[0] != "arn" || parts[5] != "function")
        {
            return (function, null);
        }

        return (parts[6], parts.Length > 7 && parts[7] != "$LATEST" ? parts[7] : null);
    }
}
