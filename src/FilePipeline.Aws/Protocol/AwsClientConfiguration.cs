using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace FilePipeline.Aws.Protocol;

/// <summary>Credentials, region and endpoints chosen the way the AWS SDKs and CLI choose them, from an injected environment.</summary>
public static class AwsClientConfiguration
{
    /// <summary>AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN] from the given environment, else AWSSDK.Core's default chain (profiles, SSO, instance roles…).</summary>
    public static AWSCredentials Credentials(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("AWS_ACCESS_KEY_ID") is not { Length: > 0 } keyId || environment("AWS_SECRET_ACCESS_KEY") is not { Length: > 0 } secret)
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }

        return environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? new SessionAWSCredentials(keyId, secret, token) : new BasicAWSCredentials(keyId, secret);
    }

    /// <summary>The region given, else <c>AWS_REGION</c>/<c>AWS_DEFAULT_REGION</c>, else the profile's.</summary>
    /// <exception cref="InvalidOperationException">No region anywhere.</exception>
    public static string Region(string? given, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        foreach (var variable in (string[])["AWS_REGION", "AWS_DEFAULT_REGION"])
        {
            if (environment(variable) is { Length: > 0 } region)
            {
                return region;
            }
        }

        return FallbackRegionFactory.GetRegionEndpoint()?.SystemName
            ?? throw new InvalidOperationException("No AWS region: pass --region, set AWS_REGION, or give the profile a region.");
    }

    /// <summary>Points an SDK client at <c>AWS_ENDPOINT_URL_{service}</c>/<c>AWS_ENDPOINT_URL</c> when set (signing for <paramref name="region"/>), else at AWS in the region.</summary>
    public static T Configure<T>(T config, Func<string, string?> environment, string service, string region)
        where T : ClientConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(environment);
        if ((environment("AWS_ENDPOINT_URL_" + service) ?? environment("AWS_ENDPOINT_URL")) is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }
}
