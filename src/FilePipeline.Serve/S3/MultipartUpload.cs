namespace FilePipeline.Serve.S3;

/// <summary>A multipart upload in progress: what it will create and when it began.</summary>
public sealed record MultipartUpload(string UploadId, string Bucket, string Key, DateTimeOffset Initiated);
