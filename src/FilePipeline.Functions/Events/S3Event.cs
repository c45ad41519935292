using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Events;

/// <summary>
/// An S3 event notification as Lambda receives it, shaped like Amazon.Lambda.S3Events'
/// <c>S3Event</c> (whose nested types come from <c>S3EventNotification</c>); property names are S3's JSON names.
/// </summary>
public sealed class S3Event
{
    [JsonPropertyName("Records")]
    public List<S3EventNotificationRecord> Records { get; set; } = [];

    public sealed class S3EventNotificationRecord
    {
        /// <summary>2.1, 2.2, 2.3 … (any 2.x is accepted).</summary>
        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        [JsonPropertyName("eventTime")]
        [JsonConverter(typeof(S3EventTimeConverter))]
        public DateTime EventTime { get; set; }

        /// <summary>For example <c>ObjectCreated:Put</c>, without the <c>s3:</c> prefix of the configuration.</summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        [JsonPropertyName("userIdentity")]
        public UserIdentityEntity? UserIdentity { get; set; }

        [JsonPropertyName("requestParameters")]
        public RequestParametersEntity? RequestParameters { get; set; }

        [JsonPropertyName("responseElements")]
        public ResponseElementsEntity? ResponseElements { get; set; }

        [JsonPropertyName("s3")]
        public S3Entity? S3 { get; set; }
    }

    public sealed class UserIdentityEntity
    {
        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }
    }

    public sealed class RequestParametersEntity
    {
        [JsonPropertyName("sourceIPAddress")]
        public string? SourceIPAddress { get; set; }
    }

    public sealed class ResponseElementsEntity
    {
        [JsonPropertyName("x-amz-request-id")]
        public string? XAmzRequestId { get; set; }

        [JsonPropertyName("x-amz-id-2")]
        public string? XAmzId2 { get; set; }
    }

    public sealed class S3Entity
    {
        [JsonPropertyName("s3SchemaVersion")]
        public string? S3SchemaVersion { get; set; }

        [JsonPropertyName("configurationId")]
        public string? ConfigurationId { get; set; }

        [JsonPropertyName("bucket")]
        public S3BucketEntity? Bucket { get; set; }

        [JsonPropertyName("object")]
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Same name as Amazon.Lambda.S3Events' S3Entity.Object, so switching is mechanical.")]
        public S3ObjectEntity? Object { get; set; }
    }

    public sealed class S3BucketEntity
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("ownerIdentity")]
        public UserIdentityEntity? OwnerIdentity { get; set; }

        [JsonPropertyName("arn")]
        public string? Arn { get; set; }
    }

    public sealed class S3ObjectEntity
    {
        /// <summary>Form-URL-encoded: <c>+</c> is a space, <c>%2B</c> a plus.</summary>
        [JsonPropertyName("key")]
        public string? Key { get; set; }

        [JsonPropertyName("size")]
        public long Size { get; set; }

        [JsonPropertyName("eTag")]
        public string? ETag { get; set; }

        /// <summary>Absent when the bucket is not versioned.</summary>
        [JsonPropertyName("versionId")]
        public string? VersionId { get; set; }

        [JsonPropertyName("sequencer")]
        public string? Sequencer { get; set; }
    }
}
