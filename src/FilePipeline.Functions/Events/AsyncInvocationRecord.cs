using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Events;

/// <summary>
/// What Lambda sends to an asynchronous invocation's OnFailure destination: the invocation record
/// (request, the function's last response and why Lambda gave up), not the original event, which
/// travels in <see cref="RequestPayload"/>.
/// </summary>
public sealed class AsyncInvocationRecord
{
    /// <summary>Lambda gave up after the function failed on every attempt.</summary>
    public const string RetriesExhausted = "RetriesExhausted";

    [JsonPropertyName("version")]
    public string Version { get; set; } = "1.0";

    /// <summary>When Lambda gave up, ISO 8601 with milliseconds, e.g. <c>2026-11-28T12:00:00.000Z</c>.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    [JsonPropertyName("requestContext")]
    public RequestContext? Request { get; set; }

    /// <summary>The event the function was invoked with.</summary>
    [JsonPropertyName("requestPayload")]
    public JsonNode? RequestPayload { get; set; }

    [JsonPropertyName("responseContext")]
    public ResponseContext? Response { get; set; }

    /// <summary>The function's last response: its error object.</summary>
    [JsonPropertyName("responsePayload")]
    public JsonNode? ResponsePayload { get; set; }

    public sealed class RequestContext
    {
        [JsonPropertyName("requestId")]
        public string? RequestId { get; set; }

        [JsonPropertyName("functionArn")]
        public string? FunctionArn { get; set; }

        /// <summary><see cref="RetriesExhausted"/>, <c>EventAgeExceeded</c>, …</summary>
        [JsonPropertyName("condition")]
        public string? Condition { get; set; }

        [JsonPropertyName("approximateInvokeCount")]
        public int ApproximateInvokeCount { get; set; }
    }

    public sealed class ResponseContext
    {
        [JsonPropertyName("statusCode")]
        public int StatusCode { get; set; }

        [JsonPropertyName("executedVersion")]
        public string? ExecutedVersion { get; set; }

        /// <summary><c>Unhandled</c> for an error the function threw; absent when it did not fail.</summary>
        [JsonPropertyName("functionError")]
        public string? FunctionError { get; set; }
    }
}
