using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Protocol;

/// <summary>AWS's JSON protocols (1.0 and 1.1): a JSON object in, a JSON object out, errors as <c>__type</c> and <c>message</c>.</summary>
public static class JsonProtocol
{
    public const string Json10 = "application/x-amz-json-1.0";

    public const string Json11 = "application/x-amz-json-1.1";

    /// <exception cref="AwsErrorException">SerializationException when the body is not a JSON object.</exception>
    public static JsonObject Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body.Length == 0 ? [] : JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            throw new AwsErrorException("SerializationException", "The request body is not a JSON object: " + e.Message);
        }
    }

    public static async Task WriteAsync(HttpResponse response, JsonNode body, string contentType = Json10, int status = 200)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(body);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, ServeJsonContext.Default.JsonNode);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes);
    }

    /// <param name="typePrefix">The shape namespace before <c>#</c> in <c>__type</c>, e.g. <c>com.amazonaws.sqs</c>; empty for services that send the bare code (CloudWatch Logs).</param>
    public static Task WriteErrorAsync(HttpResponse response, AwsErrorException error, string typePrefix, string contentType = Json10)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(error);
        response.Headers["x-amzn-ErrorType"] = error.Code;
        return WriteAsync(response, new JsonObject { ["__type"] = typePrefix.Length == 0 ? error.Code : typePrefix + "#" + error.Code, ["message"] = error.Message }, contentType, error.Status);
    }
}
