using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace FilePipeline.Aws.Protocol;

/// <summary>
/// One signed call of an AWS JSON 1.0 protocol service: <c>POST /</c> with
/// <c>X-Amz-Target: {prefix}.{operation}</c>, a SigV4 signature and AWS's error shape
/// (<c>{"__type":"…#Name","message":"…"}</c>) turned into <see cref="AwsServiceException"/>.
/// Step Functions and DynamoDB both speak it.
/// </summary>
public sealed class AwsJsonClient(HttpClient http, AWSCredentials credentials, TimeProvider time)
{
    public const string ContentType = "application/x-amz-json-1.0";

    public async Task<JsonObject> SendAsync(AwsJsonEndpoint endpoint, string operation, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        using var message = await SignedRequestAsync(endpoint, operation, body).ConfigureAwait(false);
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

    private async Task<HttpRequestMessage> SignedRequestAsync(AwsJsonEndpoint endpoint, string operation, byte[] body)
    {
        var identity = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        var scope = new SigV4Scope(time.GetUtcNow(), endpoint.Region, endpoint.SigningService);
        var target = endpoint.TargetPrefix + "." + operation;
        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", endpoint.Url.IsDefaultPort ? endpoint.Url.Host : endpoint.Url.Authority),
            new("content-type", ContentType),
            new("x-amz-date", scope.AmzDate),
            new("x-amz-target", target),
        };
        if (!string.IsNullOrEmpty(identity.Token))
        {
            headers.Add(new("x-amz-security-token", identity.Token));
        }

        var signed = new SigV4Request("POST", endpoint.Url, headers, SigV4Signer.HashHex(body));
        var authorization = SigV4Signer.CreateAuthorization(signed, new SigV4Credentials(identity.AccessKey, identity.SecretKey, identity.Token), scope);

        var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", scope.AmzDate);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (!string.IsNullOrEmpty(identity.Token))
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", identity.Token);
        }

        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        return message;
    }

    private static AwsServiceException ErrorFrom(HttpResponseMessage response, byte[] content, string? requestId)
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
