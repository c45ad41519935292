using System.Text.Json.Serialization;
using FilePipeline.Functions.Events;

namespace FilePipeline.Functions.Payloads;

/// <summary>The body of one work-queue message: one uploaded object version (architecture.md §3).</summary>
/// <param name="Key">The object key, URL-decoded.</param>
/// <param name="ETag">Without quotes, lower case.</param>
public sealed record QueueMessage(
    [property: JsonPropertyName("bucket")] string Bucket,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("versionId")] string? VersionId,
    [property: JsonPropertyName("eTag")] string ETag,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sequencer")] string? Sequencer,
    [property: JsonPropertyName("eventTime"), JsonConverter(typeof(S3EventTimeConverter))] DateTime EventTime);
