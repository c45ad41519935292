namespace FilePipeline.Aws.Protocol;

/// <summary>The parts of an HTTP request that SigV4 signs; <see cref="Headers"/> are exactly the signed headers.</summary>
public sealed record SigV4Request(string Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Headers, string PayloadHash);
