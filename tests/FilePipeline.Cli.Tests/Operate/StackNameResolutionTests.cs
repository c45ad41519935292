using System.Text.Json.Nodes;
using FilePipeline.Aws.CloudFormation;
using FilePipeline.Aws.Stack;
using FilePipeline.Cli.Operate;
using FilePipeline.Host.Template;
using FilePipeline.Testing;

namespace FilePipeline.Cli.Tests.Operate;

/// <summary>A deployed stack's names: from the template as CloudFormation resolves it, or from the outputs for the names CloudFormation generated.</summary>
public sealed class StackNameResolutionTests : IDisposable
{
    private static readonly LocalAwsIdentity Deployed = new("prod-files", "111122223333", "eu-west-1");

    private readonly string directory = Path.Combine(Path.GetTempPath(), "fp-names-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_shipped_template_names_every_resource_from_the_stack_name_account_and_region()
    {
        var template = PipelineTemplate.Load(RepositoryRoot.Combine("serverless.template"), Deployed, generatedNames: null);
        var describeCalls = 0;

        var generated = await GeneratedNames.ResolveAsync("prod-files", OperatedStack.ResourcesOf(template), (_, _) => { describeCalls++; return Task.FromResult<StackDescription>(null!); }, CancellationToken.None);

        Assert.Empty(generated);
        Assert.Equal(0, describeCalls);
        Assert.Equal("filepipeline-uploads-111122223333-eu-west-1", template.Bucket.Name);
        Assert.Equal(("prod-files-work", "prod-files-dlq", "prod-files-failed-invokes"), (template.WorkQueue.Name, template.DeadLetterQueue.Name, template.OnFailureQueue!.Name));
        Assert.Equal("prod-files-files", template.Table.Name);
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:stateMachine:prod-files-file-processing", template.StateMachine.Arn);
        Assert.Equal("/aws/vendedlogs/states/prod-files-file-processing", template.PhysicalName(template.StateMachine.LogGroupLogicalId!));
        Assert.Equal(("ALL", true), (template.StateMachine.LoggingLevel, template.StateMachine.IncludesExecutionData));
    }

    [Fact]
    public async Task Without_explicit_names_the_names_come_from_the_stacks_outputs()
    {
        var path = CopyWithoutNames();
        var first = PipelineTemplate.Load(path, Deployed, generatedNames: null);
        var outputs = new Dictionary<string, string>
        {
            ["UploadBucketName"] = "prod-files-uploadbucket-1x2y3z",
            ["WorkQueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/111122223333/prod-files-WorkQueue-AAA",
            ["DeadLetterQueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/111122223333/prod-files-DeadLetterQueue-BBB",
            ["FailedInvokeQueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/111122223333/prod-files-FailedInvokeQueue-CCC",
            ["FilesTableName"] = "prod-files-FilesTable-DDD",
            ["FileProcessingStateMachineArn"] = "arn:aws:states:eu-west-1:111122223333:stateMachine:FileProcessingStateMachine-EEE",
            ["StateMachineLogGroupName"] = "prod-files-StateMachineLogGroup-FFF",
        };

        var generated = await GeneratedNames.ResolveAsync("prod-files", OperatedStack.ResourcesOf(first), (_, _) => Task.FromResult(new StackDescription("prod-files", "CREATE_COMPLETE", outputs)), CancellationToken.None);
        var template = PipelineTemplate.Load(path, Deployed, generated);

        Assert.Equal("prod-files-uploadbucket-1x2y3z", template.Bucket.Name);
        Assert.Equal(("prod-files-WorkQueue-AAA", "prod-files-DeadLetterQueue-BBB", "prod-files-FailedInvokeQueue-CCC"), (template.WorkQueue.Name, template.DeadLetterQueue.Name, template.OnFailureQueue!.Name));
        Assert.Equal("prod-files-FilesTable-DDD", template.Table.Name);
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:stateMachine:FileProcessingStateMachine-EEE", template.StateMachine.Arn);
        Assert.Equal("prod-files-StateMachineLogGroup-FFF", template.PhysicalName(template.StateMachine.LogGroupLogicalId!));
    }

    [Fact]
    public async Task An_unnamed_resource_with_no_output_is_named_in_the_error()
    {
        var path = CopyWithoutNames(dropOutput: "DeadLetterQueueUrl");
        var template = PipelineTemplate.Load(path, Deployed, generatedNames: null);

        var error = await Assert.ThrowsAsync<StackResourceUnresolvedException>(() =>
            GeneratedNames.ResolveAsync("prod-files", OperatedStack.ResourcesOf(template), (_, _) => throw new InvalidOperationException("not reached"), CancellationToken.None));

        Assert.Contains("the template gives DeadLetterQueue no name", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The shipped template and its tools defaults, with every name property the operating commands read removed.</summary>
    private string CopyWithoutNames(string? dropOutput = null)
    {
        Directory.CreateDirectory(directory);
        var template = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("serverless.template")))!.AsObject();
        foreach (var (_, resource) in template["Resources"]!.AsObject())
        {
            var properties = resource!["Properties"]?.AsObject();
            foreach (var name in new[] { "BucketName", "QueueName", "TableName", "Name", "LogGroupName" })
            {
                properties?.Remove(name);
            }
        }

        if (dropOutput is not null)
        {
            template["Outputs"]!.AsObject().Remove(dropOutput);
        }

        var path = Path.Combine(directory, PipelineTemplate.TemplateFileName);
        File.WriteAllText(path, template.ToJsonString());
        File.Copy(RepositoryRoot.Combine(PipelineTemplate.ToolsDefaultsFileName), Path.Combine(directory, PipelineTemplate.ToolsDefaultsFileName));
        return path;
    }
}
