using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.S3;

/// <summary>The S3 errors serve answers with, in S3's codes and statuses.</summary>
public static class S3Errors
{
    public static AwsErrorException NoSuchBucket(string bucket) => new("NoSuchBucket", $"The specified bucket does not exist: {bucket}", 404);

    public static AwsErrorException NoSuchKey(string key) => new("NoSuchKey", $"The specified key does not exist: {key}", 404);

    public static AwsErrorException NoSuchVersion(string versionId) => new("NoSuchVersion", $"The specified version does not exist: {versionId}", 404);

    public static AwsErrorException NoSuchUpload(string uploadId) =>
        new("NoSuchUpload", $"The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed: {uploadId}", 404);

    public static AwsErrorException PreconditionFailed(string condition) => new("PreconditionFailed", $"At least one of the pre-conditions you specified did not hold: {condition}", 412);

    public static AwsErrorException InvalidRange(long size) => new("InvalidRange", $"The requested range is not satisfiable (the object has {size} bytes)", 416);

    public static AwsErrorException InvalidArgument(string message) => new("InvalidArgument", message);

    public static AwsErrorException NotImplemented(string what) => new("NotImplemented", $"A header or query you provided implies functionality that serve does not implement: {what}", 501);

    public static AwsErrorException BadDigest(string message) => new("BadDigest", message);

    public static AwsErrorException ContentSha256Mismatch() =>
        new("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");

    public static AwsErrorException MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");

    public static AwsErrorException IncompleteBody() => new("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header");
}
