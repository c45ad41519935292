namespace FilePipeline.Serve.S3;

/// <summary>upload.json: the bucket and key a multipart upload creates and when it began.</summary>
public sealed record StoredUpload(string Bucket, string Key, long InitiatedMs);
