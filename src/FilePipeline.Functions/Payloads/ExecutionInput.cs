using System.Text.Json.Serialization;
using FilePipeline.Core;
using FilePipeline.Functions.Events;

namespace FilePipeline.Functions.Payloads;

/// <summary>
/// The input of one state-machine execution, and so of InspectFile (architecture.md §3): the queue
/// message plus what the workflow needs and cannot compute itself (JSONPath has no date arithmetic).
/// </summary>
public sealed record ExecutionInput
{
    [JsonPropertyName("bucket")]
    public required string Bucket { get; init; }

    /// <summary>The object key, URL-decoded.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>
    /// The pinned version. ProcessQueue writes it empty, never absent, for an unversioned bucket, so
    /// the workflow can always write it to the ledger (JSONPath cannot skip a missing field).
    /// </summary>
    [JsonPropertyName("versionId")]
    public string? VersionId { get; init; }

    [JsonPropertyName("eTag")]
    public required string ETag { get; init; }

    [JsonPropertyName("size")]
    public long Size { get; init; }

    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; init; }

    [JsonPropertyName("eventTime")]
    [JsonConverter(typeof(S3EventTimeConverter))]
    public DateTime EventTime { get; init; }

    /// <summary><c>{bucket}/{key}@{eTag}</c>, the ledger's partition key.</summary>
    [JsonPropertyName("fileId")]
    public required string FileId { get; init; }

    /// <summary>The key's last path segment, for the ledger (JSONPath cannot split strings from the end).</summary>
    [JsonPropertyName("fileName")]
    public required string FileName { get; init; }

    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    /// <summary>SQS's ApproximateReceiveCount of the message this execution runs for.</summary>
    [JsonPropertyName("receiveCount")]
    public int ReceiveCount { get; init; }

    /// <summary>Epoch seconds when the execution was started.</summary>
    [JsonPropertyName("now")]
    public long Now { get; init; }

    /// <summary>Epoch seconds until which this execution's claim on the file holds.</summary>
    [JsonPropertyName("leaseUntil")]
    public long LeaseUntil { get; init; }

    /// <summary>Added by the state machine's ClaimFile state before InspectFile; absent in the execution input.</summary>
    [JsonPropertyName("claim")]
    public ExecutionClaim? Claim { get; init; }

    /// <summary>The object version this execution processes.</summary>
    public FileRef ToFileRef() => new(Bucket, Key, ETag, string.IsNullOrEmpty(VersionId) ? null : VersionId);
}
