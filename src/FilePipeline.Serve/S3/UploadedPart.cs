namespace FilePipeline.Serve.S3;

/// <summary>One stored part of a multipart upload; its ETag is the MD5 of its bytes.</summary>
public sealed record UploadedPart(int PartNumber, string ETag, long Size, DateTimeOffset LastModified, string Path);
