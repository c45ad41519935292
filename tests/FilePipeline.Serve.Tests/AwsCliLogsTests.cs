using System.Text.Json.Nodes;

namespace FilePipeline.Serve.Tests;

/// <summary>
/// The Debian AWS CLI's <c>logs</c> commands against serve after a file went through the pipeline: the express
/// machine's log group shows the execution's events in Step Functions' log format, the functions' groups
/// their JSON log lines.
/// </summary>
public sealed class AwsCliLogsTests : IAsyncLifetime
{
    private const string MachineGroup = "/aws/vendedlogs/states/filepipeline-file-processing";
    private const string ProcessQueueGroup = "/aws/lambda/filepipeline-ProcessQueue";

    private ServeFixture serve = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        serve = await ServeFixture.StartAsync(runPipeline: true, captureFunctionLogs: true);
        aws = new AwsCli(serve.Endpoint);
    }

    public Task DisposeAsync() => serve.DisposeAsync().AsTask();

    [Fact]
    public async Task Logs_commands_show_the_executions_and_the_function_logs_of_an_upload()
    {
        var path = serve.WriteInput("orders.csv", "id,amount\n1,10\n2,20\n");
        await aws.RunAsync("s3", "cp", path, $"s3://{serve.Bucket}/incoming/orders.csv");
        var eTag = (await aws.JsonAsync("s3api", "head-object", "--bucket", serve.Bucket, "--key", "incoming/orders.csv"))["ETag"]!.GetValue<string>().Trim('"');
        await LedgerWait.SettledAsync(serve.Pipeline, $"{serve.Bucket}/incoming/orders.csv@{eTag}");

        var groups = (await aws.JsonAsync("logs", "describe-log-groups"))["logGroups"]!.AsArray();
        var names = groups.Select(g => g!["logGroupName"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains(MachineGroup, names);
        Assert.Contains(ProcessQueueGroup, names);
        var machine = groups.Single(g => g!["logGroupName"]!.GetValue<string>() == MachineGroup)!;
        Assert.Equal($"arn:aws:logs:us-east-1:123456789012:log-group:{MachineGroup}:*", machine["arn"]!.GetValue<string>());

        var streams = (await aws.JsonAsync("logs", "describe-log-streams", "--log-group-name", MachineGroup))["logStreams"]!.AsArray();
        Assert.Contains(streams, s => s!["logStreamName"]!.GetValue<string>() == "log_stream_created_by_aws_to_validate_log_delivery_subscriptions");
        var executionStream = Assert.Single(streams, s => s!["logStreamName"]!.GetValue<string>().StartsWith("states/filepipeline-file-processing/", StringComparison.Ordinal))!;
        Assert.Matches(@"^states/filepipeline-file-processing/\d{4}-\d{2}-\d{2}-\d{2}-\d{2}/[0-9a-f]{8}$", executionStream["logStreamName"]!.GetValue<string>());

        // Every event of the execution, in order, through the CLI's own paging (one event a page).
        var all = (await aws.JsonAsync("logs", "filter-log-events", "--log-group-name", MachineGroup, "--page-size", "1"))["events"]!.AsArray()
            .Select(e => JsonNode.Parse(e!["message"]!.GetValue<string>())!).ToList();
        Assert.Equal("ExecutionStarted", all[0]["type"]!.GetValue<string>());
        Assert.Equal("ExecutionSucceeded", all[^1]["type"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), all.Select(e => e["id"]!.GetValue<string>()));
        Assert.All(all, e => Assert.Contains(":express:filepipeline-file-processing:", e["execution_arn"]!.GetValue<string>(), StringComparison.Ordinal));

        var succeeded = Assert.Single((await aws.JsonAsync("logs", "filter-log-events", "--log-group-name", MachineGroup, "--filter-pattern", """{ $.type = "ExecutionSucceeded" }"""))["events"]!.AsArray())!;
        var output = JsonNode.Parse(JsonNode.Parse(succeeded["message"]!.GetValue<string>())!["details"]!["output"]!.GetValue<string>())!;
        Assert.Equal("PROCESSED", output["outcome"]!.GetValue<string>());

        var fromHead = (await aws.JsonAsync("logs", "get-log-events", "--log-group-name", MachineGroup, "--log-stream-name", executionStream["logStreamName"]!.GetValue<string>(), "--start-from-head"))["events"]!.AsArray();
        Assert.Equal(all.Count, fromHead.Count);

        var processQueue = (await aws.JsonAsync("logs", "filter-log-events", "--log-group-name", ProcessQueueGroup, "--filter-pattern", "succeeded"))["events"]!.AsArray();
        var line = JsonNode.Parse(Assert.Single(processQueue)!["message"]!.GetValue<string>())!;
        Assert.Equal("INFO", line["level"]!.GetValue<string>());
        Assert.Equal("The execution succeeded: PROCESSED.", line["message"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", Assert.Single(processQueue)!["logStreamName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_log_group_is_ResourceNotFoundException()
    {
        var (exit, _, error) = await aws.TryRunAsync("logs", "describe-log-streams", "--log-group-name", "/aws/lambda/missing");
        Assert.NotEqual(0, exit);
        Assert.Contains("ResourceNotFoundException", error, StringComparison.Ordinal);
        Assert.Contains("The specified log group does not exist.", error, StringComparison.Ordinal);
    }
}
