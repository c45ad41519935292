using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Events;

/// <summary>
/// The partial batch response of an SQS handler with <c>ReportBatchItemFailures</c>, shaped like
/// Amazon.Lambda.SQSEvents' <c>SQSBatchResponse</c>. An empty list means every message succeeded.
/// </summary>
public sealed class SQSBatchResponse
{
    public SQSBatchResponse()
    {
    }

    public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];

    public sealed class BatchItemFailure
    {
        /// <summary>The failed message's <c>messageId</c>.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; set; }
    }
}
