using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.SQS;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Cli.Tests.Pipeline;
using FilePipeline.Host;
using FilePipeline.Serve;
using FilePipeline.States.History;
using FilePipeline.Testing;

namespace FilePipeline.Cli.Tests.Operate;

/// <summary>
/// The operating commands (<c>--stack filepipeline</c>) against <c>filepipeline serve</c> as the
/// deployed stack: serve is the test double of AWS (S3, SQS, DynamoDB, CloudWatch Logs), the
/// gateway in front of it answers STS and Lambda and records every IAM action the commands need.
/// </summary>
public sealed class StackCommandsOverServeTests
{
    private const string Stack = "filepipeline";

    [Fact]
    public async Task A_file_processed_through_the_deployed_bucket_shows_in_the_ledger_and_its_execution_history_is_the_engines()
    {
        await using var deployed = await DeployedDouble.StartAsync();
        var (cli, pipeline, stateDirectory) = (deployed.Cli, deployed.Pipeline, deployed.StateDirectory);
        var processed = await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"), "--stack", Stack, "--json");
        Assert.True(processed.ExitCode == 0, processed.Output + processed.Error);
        var outcome = JsonNode.Parse(processed.Output)!;
        Assert.Equal(("PROCESSED", 5), ((string?)outcome["outcome"], (int?)outcome["rows"]));
        var fileId = (string)outcome["fileId"]!;
        Assert.StartsWith($"filepipeline-uploads-{AwsGateway.Account}-us-east-1/customer-data.csv@", fileId, StringComparison.Ordinal);

        var files = await cli.RunAsync("files", "--stack", Stack, "--json");
        Assert.Equal("PROCESSED", (string?)JsonNode.Parse(files.Output.Trim())!["status"]);

        var listed = await cli.RunAsync("executions", "list", "--stack", Stack, "--file", fileId, "--outcome", "processed", "--json");
        Assert.True(listed.ExitCode == 0, listed.Error);
        var execution = JsonNode.Parse(listed.Output.Trim())!;
        Assert.Equal(("SUCCEEDED", "PROCESSED", fileId), ((string?)execution["status"], (string?)execution["outcome"], (string?)execution["fileId"]));

        // The history rebuilt from the log group is the one the engine recorded, event for event.
        var shown = await cli.RunAsync("executions", "show", (string)execution["name"]!, "--stack", Stack, "--json");
        Assert.True(shown.ExitCode == 0, shown.Error);
        var recorded = pipeline.Executions.List(fileId).Single();
        var engineEvents = new JsonArray([.. pipeline.Executions.History(recorded.Id).Select(e => (JsonNode?)HistorySerializer.ToJson(e))]);
        Assert.Equal(engineEvents.ToJsonString(), JsonNode.Parse(shown.Output)!["events"]!.ToJsonString());
        Assert.Equal(recorded.ExecutionArn, (string?)execution["executionArn"]);

        var html = Path.Combine(stateDirectory, "execution.html");
        var drawn = await cli.RunAsync("executions", "show", (string)execution["executionArn"]!, "--stack", Stack, "--html", html);
        Assert.True(drawn.ExitCode == 0, drawn.Error);
        Assert.Contains("RecordProcessed", await File.ReadAllTextAsync(html), StringComparison.Ordinal);

        var none = await cli.RunAsync("executions", "list", "--stack", Stack, "--outcome", "REJECTED");
        Assert.StartsWith("(no executions in /aws/vendedlogs/states/filepipeline-file-processing since ", none.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_moves_work_messages_with_a_move_task_and_invokes_ValidateUpload_again_with_each_failed_invocations_event()
    {
        await using var deployed = await DeployedDouble.StartAsync();
        var (cli, serve, gateway) = (deployed.Cli, deployed.Serve, deployed.Gateway);
        using var sqs = new AmazonSQSClient(new BasicAWSCredentials(ServeOptions.DefaultAccessKeyId, ServeOptions.DefaultSecretAccessKey), new AmazonSQSConfig { ServiceURL = serve.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var failedInvokes = (await sqs.GetQueueUrlAsync("filepipeline-failed-invokes")).QueueUrl;
        await sqs.SendMessageAsync(failedInvokes, """
            {"version":"1.0","timestamp":"2026-12-06T07:00:00.000Z","requestContext":{"requestId":"r-1","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:filepipeline-ValidateUploadFunction-X1:$LATEST","condition":"RetriesExhausted","approximateInvokeCount":3},
             "requestPayload":{"Records":[{"eventName":"ObjectCreated:Put"}]},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"responsePayload":{"errorMessage":"boom"}}
            """);

        var deadLetters = (await sqs.GetQueueUrlAsync("filepipeline-dlq")).QueueUrl;
        await sqs.SendMessageAsync(deadLetters, """{"bucket":"filepipeline-uploads-123456789012-us-east-1","key":"gone.csv","eTag":"0123456789abcdef0123456789abcdef","size":1,"eventTime":"2026-12-06T07:00:00Z"}""");

        var listed = await cli.RunAsync("dlq", "list", "--stack", Stack, "--json");
        var redriven = await cli.RunAsync("dlq", "redrive", "--all", "--stack", Stack);

        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Equal(2, listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True(redriven.ExitCode == 0, redriven.Error);
        Assert.Contains("moved 1 message(s) back to the work queue and invoked ValidateUpload again for 1 failed invocation(s); the functions of stack 'filepipeline' process them", redriven.Output, StringComparison.Ordinal);
        var invocation = Assert.Single(gateway.Invocations);
        Assert.Equal(("filepipeline-ValidateUploadFunction-X1", "Event", """{"Records":[{"eventName":"ObjectCreated:Put"}]}"""), invocation);
        Assert.Equal(0, (await sqs.GetQueueAttributesAsync(failedInvokes, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages);
    }

    [Fact]
    public async Task Run_is_refused_and_a_missing_resource_or_execution_is_named()
    {
        await using var deployed = await DeployedDouble.StartAsync();
        var cli = deployed.Cli;
        var run = await cli.RunAsync("run", "--until-idle", "--stack", Stack);
        var otherStack = await cli.RunAsync("files", "--stack", "nosuch", "--region", "us-east-1");
        var unknown = await cli.RunAsync("executions", "show", "no-such-execution", "--stack", Stack);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("on a deployed stack its own functions consume the queues", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, otherStack.ExitCode);
        Assert.Equal("error: stack 'nosuch': the work queue 'nosuch-work' does not exist in us-east-1 (deployed to another region or account, or not deployed?).", otherStack.Error.Trim());
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("error: no execution 'no-such-execution' in /aws/vendedlogs/states/filepipeline-file-processing since ", unknown.Error, StringComparison.Ordinal);
    }

    /// <summary>serve over a fresh state directory, the gateway in front of it, and the CLI pointed at the gateway.</summary>
    internal sealed class DeployedDouble : IAsyncDisposable
    {
        private readonly string stateDirectory = Path.Combine(Path.GetTempPath(), "fp-operate-" + Guid.NewGuid().ToString("N"));

        private DeployedDouble()
        {
        }

        public CliHarness Cli { get; } = new();

        public LocalPipeline Pipeline { get; private set; } = null!;

        public ServeHost Serve { get; private set; } = null!;

        public AwsGateway Gateway { get; private set; } = null!;

        public string StateDirectory => stateDirectory;

        /// <summary>An SDK client straight to serve, to put what the deployed functions would have parked.</summary>
        public AmazonSQSClient Sqs() => new(new BasicAWSCredentials(ServeOptions.DefaultAccessKeyId, ServeOptions.DefaultSecretAccessKey), new AmazonSQSConfig { ServiceURL = Serve.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

        /// <summary>Lambda's record of a ValidateUpload invocation that failed every attempt, as its OnFailure destination receives it.</summary>
        public const string FailedInvocation = """
            {"version":"1.0","timestamp":"2026-12-06T07:00:00.000Z","requestContext":{"requestId":"r-1","functionArn":"arn:aws:lambda:us-east-1:123456789012:function:filepipeline-ValidateUploadFunction-X1:$LATEST","condition":"RetriesExhausted","approximateInvokeCount":3},
             "requestPayload":{"Records":[{"eventName":"ObjectCreated:Put"}]},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"responsePayload":{"errorMessage":"boom"}}
            """;

        /// <summary>A work message whose object is gone (its run ends REJECTED).</summary>
        public const string WorkMessage = """{"bucket":"filepipeline-uploads-123456789012-us-east-1","key":"gone.csv","eTag":"0123456789abcdef0123456789abcdef","size":1,"eventTime":"2026-12-06T07:00:00Z"}""";

        public static async Task<DeployedDouble> StartAsync()
        {
            var created = new DeployedDouble();
            created.Pipeline = await LocalPipelines.OpenAsync(
                new LocalHostOptions
                {
                    StateDirectory = created.stateDirectory,
                    TemplatePath = RepositoryRoot.Combine("serverless.template"),
                    FunctionLog = TextWriter.Null,
                    SkipDelays = true,
                },
                backend: null,
                CancellationToken.None);
            created.Serve = await ServeHost.StartAsync(created.Pipeline, new ServeOptions { Port = 0 }, TextWriter.Null, CancellationToken.None);
            created.Gateway = new AwsGateway(created.Serve.Endpoint);
            created.Cli.With("AWS_ENDPOINT_URL", created.Gateway.Url)
                .With("AWS_REGION", "us-east-1")
                .With("AWS_ACCESS_KEY_ID", ServeOptions.DefaultAccessKeyId)
                .With("AWS_SECRET_ACCESS_KEY", ServeOptions.DefaultSecretAccessKey);
            return created;
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Serve.DisposeAsync();
            Pipeline.Dispose();
            Cli.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(stateDirectory, recursive: true);
        }
    }
}
