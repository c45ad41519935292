using FilePipeline.Aws.Protocol;

namespace FilePipeline.Aws.CloudFormation;

/// <summary>
/// CloudFormation DescribeStacks over the Query protocol (AWSSDK.CloudFormation is not available
/// here): a deployed stack's status and outputs, where the template returns physical names that
/// CloudFormation generated.
/// </summary>
public sealed class CloudFormationClient(AwsQueryClient client, Uri url, string region)
{
    public const string ApiVersion = "2010-05-15";

    /// <summary>The regional endpoint, or <c>AWS_ENDPOINT_URL_CLOUDFORMATION</c>/<c>AWS_ENDPOINT_URL</c>.</summary>
    public static CloudFormationClient Create(AwsQueryClient client, string region, Func<string, string?> environment) =>
        new(client, AwsJsonEndpoint.ServiceUrl("CLOUDFORMATION", "cloudformation", region, environment), region);

    /// <summary>The stack's status and outputs (OutputKey → OutputValue).</summary>
    /// <exception cref="StackNotFoundException">No stack of that name in this account and region.</exception>
    public async Task<StackDescription> DescribeStackAsync(string stackName, CancellationToken cancellationToken)
    {
        System.Xml.Linq.XElement answer;
        try
        {
            answer = await client.SendAsync(url, region, "cloudformation", ApiVersion, "DescribeStacks", [new("StackName", stackName)], cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ValidationError" && e.ServiceMessage.Contains("does not exist", StringComparison.Ordinal))
        {
            throw new StackNotFoundException(stackName, region, e);
        }

        var stack = answer.Descendants().FirstOrDefault(e => e.Name.LocalName == "Stacks")?.Elements().FirstOrDefault()
            ?? throw new StackNotFoundException(stackName, region, null);
        var outputs = stack.Elements().FirstOrDefault(e => e.Name.LocalName == "Outputs")?.Elements()
            .Select(member => (Key: AwsQueryClient.Child(member, "OutputKey"), Value: AwsQueryClient.Child(member, "OutputValue")))
            .Where(pair => pair.Key is not null && pair.Value is not null)
            .ToDictionary(pair => pair.Key!, pair => pair.Value!, StringComparer.Ordinal) ?? [];
        return new StackDescription(AwsQueryClient.Child(stack, "StackName") ?? stackName, AwsQueryClient.Child(stack, "StackStatus") ?? string.Empty, outputs);
    }
}

/// <summary>What DescribeStacks says of one stack.</summary>
public sealed record StackDescription(string StackName, string Status, IReadOnlyDictionary<string, string> Outputs);
