using System.Text.Json.Nodes;
using FilePipeline.Host.Template;
using FilePipeline.States;
using FilePipeline.Testing;

namespace FilePipeline.Host.Tests.Template;

public sealed class PipelineTemplateTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "fp-template-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Settings_follow_the_template_when_it_changes()
    {
        var template = ChangedCopy(root =>
        {
            root["Parameters"]!["MaxReceiveCount"]!["Default"] = 7;
            root["Resources"]!["WorkQueue"]!["Properties"]!["VisibilityTimeout"] = 999;
            root["Resources"]!["WorkQueue"]!["Properties"]!["MessageRetentionPeriod"] = 7200;
            var process = root["Resources"]!["ProcessQueueFunction"]!["Properties"]!;
            process["Timeout"] = 17;
            process["Events"]!["Work"]!["Properties"]!["BatchSize"] = 4;
            process["Events"]!["Work"]!["Properties"]!["MaximumBatchingWindowInSeconds"] = 3;
            process["Environment"]!["Variables"]!["LEASE_SECONDS"] = "42";
            root["Resources"]!["ValidateUploadFunction"]!["Properties"]!["EventInvokeConfig"]!["MaximumRetryAttempts"] = 1;
        });

        Assert.Equal(7, template.WorkQueue.Redrive!.MaxReceiveCount);
        Assert.Equal(999, template.WorkQueue.VisibilityTimeout);
        Assert.Equal(7200, template.WorkQueue.MessageRetentionPeriod);
        Assert.Equal(TimeSpan.FromSeconds(17), template.ProcessQueue.Timeout);
        Assert.Equal(new SqsEventSource("WorkQueue", 4, 3, ReportBatchItemFailures: true), template.ProcessQueue.SqsEvents);
        Assert.Equal("42", template.ProcessQueue.Environment["LEASE_SECONDS"]);
        Assert.Equal(1, template.ValidateUpload.MaximumRetryAttempts);
    }

    [Fact]
    public void A_functions_reserved_concurrency_is_read_and_absent_when_the_template_sets_none()
    {
        var template = ChangedCopy(root => root["Resources"]!["ValidateUploadFunction"]!["Properties"]!["ReservedConcurrentExecutions"] = 3);

        Assert.Equal(3, template.ValidateUpload.ReservedConcurrentExecutions);
        Assert.Null(template.ProcessQueue.ReservedConcurrentExecutions);
    }

    [Fact]
    public void Intrinsics_resolve_to_local_names_with_the_stack_name_of_the_tools_defaults()
    {
        var template = ChangedCopy(_ => { }, stackName: "teststack");

        Assert.Equal("teststack-work", template.WorkQueue.Name);
        Assert.Equal("teststack-dlq", template.DeadLetterQueue.Name);
        Assert.Equal(new TableSettings("FilesTable", "teststack-files", "fileId"), template.Table);
        Assert.Equal("filepipeline-uploads-123456789012-us-east-1", template.Bucket.Name);
        // Globals' environment merges with the function's own: FILES_TABLE_NAME is a Ref to the table.
        Assert.Equal("teststack-files", template.InspectFile.Environment["FILES_TABLE_NAME"]);
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123456789012/teststack-work", template.ValidateUpload.Environment["QUEUE_URL"]);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:teststack-file-processing", template.ProcessQueue.Environment["STATE_MACHINE_ARN"]);
        Assert.Equal("FailedInvokeQueue", template.ValidateUpload.OnFailureQueue);
        Assert.Equal(".csv", template.ValidateUpload.S3Events!.KeySuffix);
    }

    [Fact]
    public void The_definition_comes_from_template_substitutions_with_its_placeholders_resolved()
    {
        var template = ChangedCopy(_ => { }, stackName: "teststack");

        Assert.EndsWith(Path.Combine("statemachine", "file-processing.asl.json"), template.StateMachine.DefinitionPath, StringComparison.Ordinal);
        Assert.Equal("teststack-files", template.StateMachine.Substitutions["FilesTableName"]);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:InspectFileFunction", template.StateMachine.Substitutions["InspectFileFunctionArn"]);
        var definition = template.StateMachine.LoadDefinition();
        Assert.DoesNotContain("${", definition, StringComparison.Ordinal);
        Assert.Contains("\"teststack-files\"", definition, StringComparison.Ordinal);
        Assert.True(StateMachineDefinition.Parse(definition).IsValid);
        Assert.True(template.StateMachine.Express);
    }

    [Fact]
    public void A_template_without_the_work_queue_redrive_is_refused_with_the_reason()
    {
        var error = Assert.Throws<TemplateException>(() => ChangedCopy(root => root["Resources"]!["WorkQueue"]!["Properties"]!.AsObject().Remove("RedrivePolicy")));

        Assert.Contains("RedrivePolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_template_is_reported_by_path()
    {
        var error = Assert.Throws<TemplateException>(() => PipelineTemplate.Load(Path.Combine(directory, "nothing", "serverless.template")));

        Assert.Contains("nothing", error.Message, StringComparison.Ordinal);
    }

    private PipelineTemplate ChangedCopy(Action<JsonObject> change, string stackName = "filepipeline")
    {
        var source = Path.GetDirectoryName(RepositoryRoot.Combine(PipelineTemplate.TemplateFileName))!;
        Directory.CreateDirectory(Path.Combine(directory, "statemachine"));
        foreach (var file in Directory.GetFiles(Path.Combine(source, "statemachine")))
        {
            File.Copy(file, Path.Combine(directory, "statemachine", Path.GetFileName(file)));
        }

        var root = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine(PipelineTemplate.TemplateFileName)))!.AsObject();
        change(root);
        File.WriteAllText(Path.Combine(directory, PipelineTemplate.TemplateFileName), root.ToJsonString());
        var defaults = JsonNode.Parse(File.ReadAllText(Path.Combine(source, PipelineTemplate.ToolsDefaultsFileName)))!.AsObject();
        defaults["stack-name"] = stackName;
        File.WriteAllText(Path.Combine(directory, PipelineTemplate.ToolsDefaultsFileName), defaults.ToJsonString());
        return PipelineTemplate.Load(Path.Combine(directory, PipelineTemplate.TemplateFileName));
    }
}
