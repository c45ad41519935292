using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Events;

/// <summary>
/// A batch of SQS messages as Lambda's event source mapping delivers it, shaped like
/// Amazon.Lambda.SQSEvents' <c>SQSEvent</c>; property names are Lambda's JSON names.
/// </summary>
public sealed class SQSEvent
{
    [JsonPropertyName("Records")]
    public List<SQSMessage> Records { get; set; } = [];

    public sealed class SQSMessage
    {
        [JsonPropertyName("messageId")]
        public string? MessageId { get; set; }

        [JsonPropertyName("receiptHandle")]
        public string? ReceiptHandle { get; set; }

        [JsonPropertyName("body")]
        public string? Body { get; set; }

        /// <summary>System attributes such as <c>ApproximateReceiveCount</c>, all as strings.</summary>
        [JsonPropertyName("attributes")]
        public Dictionary<string, string>? Attributes { get; set; }

        [JsonPropertyName("messageAttributes")]
        public Dictionary<string, MessageAttribute>? MessageAttributes { get; set; }

        [JsonPropertyName("md5OfBody")]
        public string? Md5OfBody { get; set; }

        [JsonPropertyName("md5OfMessageAttributes")]
        public string? Md5OfMessageAttributes { get; set; }

        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }

        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }
    }

    /// <summary>A message attribute; binary values stay base64 text (the real package uses MemoryStream).</summary>
    public sealed class MessageAttribute
    {
        [JsonPropertyName("stringValue")]
        public string? StringValue { get; set; }

        [JsonPropertyName("binaryValue")]
        public string? BinaryValue { get; set; }

        [JsonPropertyName("stringListValues")]
        public List<string>? StringListValues { get; set; }

        [JsonPropertyName("binaryListValues")]
        public List<string>? BinaryListValues { get; set; }

        [JsonPropertyName("dataType")]
        public string? DataType { get; set; }
    }
}
