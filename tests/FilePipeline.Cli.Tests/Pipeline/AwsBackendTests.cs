using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using FilePipeline.Host.Template;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Cli.Tests.Pipeline;

/// <summary>`--backend aws` against fauxqs (S3 + SQS) and DynamoDB Local: the functions and the state machine run here, the storage is real.</summary>
[Collection(AwsBackendEmulators.Name)]
public sealed class AwsBackendTests : IDisposable
{
    private readonly AwsEmulators emulators;
    private readonly CliHarness cli = new();

    public AwsBackendTests(AwsEmulators emulators)
    {
        this.emulators = emulators;
        cli.With("AWS_ENDPOINT_URL_S3", emulators.FauxqsEndpoint.ToString())
            .With("AWS_ENDPOINT_URL_SQS", emulators.FauxqsEndpoint.ToString())
            .With("AWS_ENDPOINT_URL_DYNAMODB", emulators.DynamoDbEndpoint.ToString())
            .With("AWS_REGION", "us-east-1")
            .With("AWS_ACCESS_KEY_ID", "test")
            .With("AWS_SECRET_ACCESS_KEY", "test");
    }

    public void Dispose() => cli.Dispose();

    /// <summary>The shipped template under another stack name, so its resources are names nobody created.</summary>
    private string TemplateWithStackName(string stackName)
    {
        var directory = Path.GetDirectoryName(cli.WriteFile("placeholder", ""))!;
        File.Copy(Path.Combine(AppContext.BaseDirectory, PipelineTemplate.TemplateFileName), Path.Combine(directory, PipelineTemplate.TemplateFileName));
        var defaults = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, PipelineTemplate.ToolsDefaultsFileName));
        File.WriteAllText(Path.Combine(directory, PipelineTemplate.ToolsDefaultsFileName), defaults.Replace("\"stack-name\": \"filepipeline\"", $"\"stack-name\": \"{stackName}\"", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(directory, "statemachine"));
        foreach (var definition in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "statemachine")))
        {
            File.Copy(definition, Path.Combine(directory, "statemachine", Path.GetFileName(definition)));
        }

        return Path.Combine(directory, PipelineTemplate.TemplateFileName);
    }

    [Fact]
    public async Task The_demo_scenarios_behave_with_s3_sqs_and_dynamodb_as_real_services()
    {
        var result = await cli.RunAsync("demo", "--backend", "aws", "--create-resources");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        foreach (var expectation in new[]
        {
            "✓ as expected: PROCESSED with rowCount 5",
            "✓ as expected: DUPLICATE, and still 1 ledger record",
            "✓ as expected: 3 receives, then the DLQ; ledger FAILED with attempts 3 and lastError",
            "✓ as expected: REJECTED with the line number in the reason",
        })
        {
            Assert.Contains(expectation, result.Output, StringComparison.Ordinal);
        }

        // The outcomes live in the emulators, not in the state directory.
        var template = PipelineTemplate.Load(Path.Combine(AppContext.BaseDirectory, PipelineTemplate.TemplateFileName));
        var items = (await emulators.DynamoDb.ScanAsync(new ScanRequest(template.Table.Name))).Items;
        Assert.Equal(["FAILED", "PROCESSED", "REJECTED"], items.Select(i => i["status"].S).Order(StringComparer.Ordinal));
        var deadLetterUrl = (await emulators.Sqs.GetQueueUrlAsync(template.DeadLetterQueue.Name)).QueueUrl;
        var parked = await emulators.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(deadLetterUrl) { MaxNumberOfMessages = 10, VisibilityTimeout = 0 });
        Assert.Contains("demo/flaky-orders.csv", Assert.Single(parked.Messages).Body, StringComparison.Ordinal);
        var objects = await emulators.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = template.Bucket.Name });
        Assert.Equal(["demo/customer-data.csv", "demo/flaky-orders.csv", "demo/malformed.csv"], objects.S3Objects.Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failed_invocation_is_listed_with_its_record_and_once_redriven_its_file_ends_PROCESSED_in_DynamoDB()
    {
        var name = "redrive-" + Guid.NewGuid().ToString("N")[..8] + ".csv";
        var path = cli.WriteFile(name, "id,amount\n1,2.50\n");

        await cli.RunAsync("process", path, "--backend", "aws", "--create-resources", "--faults", "fail=ValidateUpload");
        var listed = await cli.RunAsync("dlq", "list", "--json", "--backend", "aws");
        var redrive = await cli.RunAsync("dlq", "redrive", "--all", "--backend", "aws");
        var run = await cli.RunAsync("run", "--until-idle", "--backend", "aws");

        var record = Assert.Single(listed.JsonLines, l => l["queue"]!.GetValue<string>() == "failed-invokes" && l["body"]!.GetValue<string>().Contains(name, StringComparison.Ordinal));
        Assert.Contains("\"condition\":\"RetriesExhausted\"", record["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((0, 0), (redrive.ExitCode, run.ExitCode));
        var template = PipelineTemplate.Load(Path.Combine(AppContext.BaseDirectory, PipelineTemplate.TemplateFileName));
        var items = (await emulators.DynamoDb.ScanAsync(new ScanRequest(template.Table.Name))).Items;
        Assert.Equal("PROCESSED", Assert.Single(items, i => i["key"].S.EndsWith(name, StringComparison.Ordinal))["status"].S);
    }

    [Fact]
    public async Task Without_create_resources_a_missing_queue_is_a_usage_error_that_names_the_option()
    {
        var template = TemplateWithStackName("fp-missing-" + Guid.NewGuid().ToString("N")[..8]);

        var result = await cli.RunAsync("files", "--backend", "aws", "--template", template);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--create-resources", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_backend_is_a_usage_error()
    {
        var result = await cli.RunAsync("files", "--backend", "cloud");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'embedded' or 'aws'", result.Error, StringComparison.Ordinal);
    }
}
