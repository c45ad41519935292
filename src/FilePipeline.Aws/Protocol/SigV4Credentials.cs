namespace FilePipeline.Aws.Protocol;

/// <summary>The key pair (and session token, for temporary credentials) that signs a request.</summary>
public sealed record SigV4Credentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null);
