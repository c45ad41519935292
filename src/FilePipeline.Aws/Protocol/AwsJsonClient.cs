using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace FilePipeline.Aws.Protocol;

/// <summary>
/// One signed call of an AWS JSON protocol service: <c>POST /</c> with
/// <c>X-Amz-Target: {prefix}.{operation}</c>, a SigV4 signature and AWS's error shape
/// (<c>{"__type":"…#Name","message":"…"}</c>) turned into <see cref="AwsServiceException"/>.
/// Step Functions and DynamoDB speak JSON 1.0, CloudWatch Logs JSON 1.1.
/// </summary>
public sealed class AwsJsonClient(HttpClient http, AWSCredentials credentials, TimeProvider time)
{
    private readonly AwsRequestSigner signer = new(credentials, time);

    public async Task<JsonObject> SendAsync(AwsJsonEndpoint endpoint, string operation, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        using var message = await signer.CreateAsync(
            HttpMethod.Post, endpoint.Url, body, endpoint.ContentType, endpoint.Region, endpoint.SigningService, [new("X-Amz-Target", endpoint.TargetPrefix + "." + operation)]).ConfigureAwait(false);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFrom(response, content, requestId);
        }

        return content.Length == 0 ? [] : JsonNode.Parse(content) as JsonObject
            ?? throw new AwsServiceException("InvalidResponse", "The response body is not a JSON object.", response.StatusCode, requestId);
    }

    /// <summary>AWS's JSON error (<c>__type</c>, else the <c>x-amzn-ErrorType</c> header) as an exception; REST-JSON services answer the same way.</summary>
    internal static AwsServiceException ErrorFrom(HttpResponseMessage response, byte[] content, string? requestId)
    {
        string? type = null;
        string? text = null;
        try
        {
            if (content.Length > 0 && JsonNode.Parse(content) is JsonObject error)
            {
                type = (string?)error["__type"];
                text = (string?)(error["message"] ?? error["Message"]);
            }
        }
        catch (JsonException)
        {
            // A proxy or load balancer may answer with HTML; the status code still says what happened.
        }

        if (type is null && response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            type = types.FirstOrDefault();
        }

        var code = type is null ? StatusName(response.StatusCode) : AwsErrorCodes.ShortName(type);
        return new AwsServiceException(code, text ?? response.ReasonPhrase ?? string.Empty, response.StatusCode, requestId);
    }

    private static string StatusName(HttpStatusCode status) => (int)status >= 500 ? "ServiceUnavailable" : "HttpError" + (int)status;
}
