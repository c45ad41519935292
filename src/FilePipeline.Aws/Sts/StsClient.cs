using FilePipeline.Aws.Protocol;

namespace FilePipeline.Aws.Sts;

/// <summary>
/// STS GetCallerIdentity over the Query protocol: whose credentials these are, so names that
/// CloudFormation builds from <c>AWS::AccountId</c> can be rebuilt. The call needs no IAM permission.
/// </summary>
public sealed class StsClient(AwsQueryClient client, Uri url, string region)
{
    public const string ApiVersion = "2011-06-15";

    /// <summary>The regional endpoint, or <c>AWS_ENDPOINT_URL_STS</c>/<c>AWS_ENDPOINT_URL</c>.</summary>
    public static StsClient Create(AwsQueryClient client, string region, Func<string, string?> environment) =>
        new(client, AwsJsonEndpoint.ServiceUrl("STS", "sts", region, environment), region);

    /// <summary>The caller's account id and ARN.</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(url, region, "sts", ApiVersion, "GetCallerIdentity", [], cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(
            AwsQueryClient.Child(answer, "Account") ?? throw new AwsServiceException("InvalidResponse", "GetCallerIdentity answered without an Account.", System.Net.HttpStatusCode.OK, null),
            AwsQueryClient.Child(answer, "Arn") ?? string.Empty);
    }
}

/// <summary>The account and principal behind a set of credentials.</summary>
public sealed record CallerIdentity(string Account, string Arn);
