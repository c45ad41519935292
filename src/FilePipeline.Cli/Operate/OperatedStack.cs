using FilePipeline.Aws.CloudFormation;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.Stack;
using FilePipeline.Aws.Sts;
using FilePipeline.Host.Template;

namespace FilePipeline.Cli.Operate;

/// <summary>
/// <c>--stack NAME</c>: the deployed stack and the template it was deployed from, its physical
/// names resolved as CloudFormation resolves them (stack name, the caller's account from STS,
/// the region), and from the stack's outputs for the names CloudFormation generated.
/// </summary>
internal sealed record OperatedStack(DeployedStack Stack, PipelineTemplate Template) : IDisposable
{
    public static async Task<OperatedStack> OpenAsync(string stackName, string? region, string templatePath, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        region = AwsClientConfiguration.Region(region, environment);
        var credentials = AwsClientConfiguration.Credentials(environment);
        using var http = new HttpClient();
        var query = new AwsQueryClient(http, credentials, TimeProvider.System);
        var account = (await StsClient.Create(query, region, environment).GetCallerIdentityAsync(cancellationToken)).Account;
        var identity = new LocalAwsIdentity(stackName, account, region);
        var template = PipelineTemplate.Load(templatePath, identity, generatedNames: null);
        var generated = await GeneratedNames.ResolveAsync(
            stackName, ResourcesOf(template), CloudFormationClient.Create(query, region, environment).DescribeStackAsync, cancellationToken);
        if (generated.Count > 0)
        {
            template = PipelineTemplate.Load(templatePath, identity, generated);
        }

        var machine = template.StateMachine;
        var names = new StackNames(
            stackName,
            region,
            template.Bucket.Name,
            template.WorkQueue.Name,
            template.DeadLetterQueue.Name,
            template.OnFailureQueue?.Name,
            template.Table.Name,
            machine.Arn,
            machine.LoggingLevel != "OFF" && machine.LogGroupLogicalId is { } logGroup ? template.PhysicalName(logGroup) : null);
        return new OperatedStack(await DeployedStack.OpenAsync(names, credentials, environment, cancellationToken), template);
    }

    public void Dispose() => Stack.Dispose();

    /// <summary>The resources the operating commands use, with what the template says of their names.</summary>
    internal static IReadOnlyList<StackResource> ResourcesOf(PipelineTemplate template)
    {
        var resources = new List<(string Id, StackResourceKind Kind)>
        {
            (template.Bucket.LogicalId, StackResourceKind.Bucket),
            (template.WorkQueue.LogicalId, StackResourceKind.Queue),
            (template.DeadLetterQueue.LogicalId, StackResourceKind.Queue),
            (template.Table.LogicalId, StackResourceKind.Table),
            (template.StateMachine.LogicalId, StackResourceKind.StateMachine),
        };
        if (template.OnFailureQueue is { } failed)
        {
            resources.Add((failed.LogicalId, StackResourceKind.Queue));
        }

        if (template.StateMachine.LogGroupLogicalId is { } logGroup)
        {
            resources.Add((logGroup, StackResourceKind.LogGroup));
        }

        return [.. resources.Select(r => new StackResource(r.Id, r.Kind, template.ExplicitName(r.Id), template.OutputKeyOf(r.Id)))];
    }
}
