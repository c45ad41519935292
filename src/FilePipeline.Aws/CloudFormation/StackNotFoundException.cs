namespace FilePipeline.Aws.CloudFormation;

/// <summary>CloudFormation has no stack of this name in the account and region the credentials reach.</summary>
public sealed class StackNotFoundException(string stackName, string region, Exception? inner)
    : Exception($"no stack '{stackName}' in {region} (deployed to another region? pass --region, or set AWS_REGION).", inner)
{
    public string StackName { get; } = stackName;
}
