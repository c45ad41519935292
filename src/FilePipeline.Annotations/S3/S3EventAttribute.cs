namespace FilePipeline.Annotations.S3;

/// <summary>An S3 bucket notification to the function (SAM's <c>S3</c> event).</summary>
/// <param name="bucket"><c>@LogicalId</c> of a bucket in the same template (S3 events cannot name another stack's bucket).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class S3EventAttribute(string bucket) : Attribute
{
    public string Bucket { get; } = bucket;

    /// <summary>The event's key under <c>Events</c>; by default the bucket's logical id.</summary>
    public string? ResourceName { get; set; }

    /// <summary>Semicolon-separated S3 event types. Default <c>s3:ObjectCreated:*</c>.</summary>
    public string Events { get; set; } = "s3:ObjectCreated:*";

    public string? FilterPrefix { get; set; }

    public string? FilterSuffix { get; set; }

    /// <summary>False disables the notification. Default true.</summary>
    public bool Enabled { get; set; } = true;
}
