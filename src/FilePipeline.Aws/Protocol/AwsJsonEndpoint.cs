namespace FilePipeline.Aws.Protocol;

/// <summary>
/// Where and how one AWS JSON-protocol service is called: the URL, the SigV4 region and service
/// name, the <c>X-Amz-Target</c> prefix (<c>AWSStepFunctions</c>, <c>DynamoDB_20120810</c>,
/// <c>Logs_20140328</c>) and the protocol version (1.0, or 1.1 for CloudWatch Logs).
/// </summary>
public sealed record AwsJsonEndpoint(Uri Url, string Region, string SigningService, string TargetPrefix, string JsonVersion = "1.0")
{
    public string ContentType => "application/x-amz-json-" + JsonVersion;

    /// <summary>
    /// The endpoint the AWS SDKs would pick: <c>AWS_ENDPOINT_URL_{serviceId}</c>, then
    /// <c>AWS_ENDPOINT_URL</c>, then <c>https://{hostPrefix}.{region}.amazonaws.com</c>.
    /// </summary>
    /// <param name="environment">Reads an environment variable (injected so tests need not mutate the process).</param>
    public static AwsJsonEndpoint Resolve(string serviceId, string hostPrefix, string region, string signingService, string targetPrefix, Func<string, string?> environment, string jsonVersion = "1.0") =>
        new(ServiceUrl(serviceId, hostPrefix, region, environment), region, signingService, targetPrefix, jsonVersion);

    /// <summary>
    /// The URL the AWS SDKs would call: <c>AWS_ENDPOINT_URL_{serviceId}</c>, then <c>AWS_ENDPOINT_URL</c>,
    /// then <c>https://{hostPrefix}.{region}.amazonaws.com/</c>.
    /// </summary>
    public static Uri ServiceUrl(string serviceId, string hostPrefix, string region, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var overridden = environment("AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant());
        if (string.IsNullOrWhiteSpace(overridden))
        {
            overridden = environment("AWS_ENDPOINT_URL");
        }

        return string.IsNullOrWhiteSpace(overridden)
            ? new Uri($"https://{hostPrefix}.{region}.amazonaws.com/")
            : new Uri(overridden);
    }

    /// <summary>The region from <c>AWS_REGION</c> or <c>AWS_DEFAULT_REGION</c>.</summary>
    public static string RegionFrom(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = environment("AWS_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            region = environment("AWS_DEFAULT_REGION");
        }

        return string.IsNullOrWhiteSpace(region)
            ? throw new InvalidOperationException("No AWS region: set AWS_REGION.")
            : region;
    }
}
