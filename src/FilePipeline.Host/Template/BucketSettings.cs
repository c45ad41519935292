namespace FilePipeline.Host.Template;

/// <summary>The template's upload bucket, by its local name.</summary>
public sealed record BucketSettings(string LogicalId, string Name);
