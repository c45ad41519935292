namespace FilePipeline.Local.Objects;

/// <summary>The bucket has not been created (S3's NoSuchBucket).</summary>
public sealed class NoSuchBucketException(string bucket) : Exception($"The specified bucket does not exist: {bucket}.")
{
    public string Bucket { get; } = bucket;
}
