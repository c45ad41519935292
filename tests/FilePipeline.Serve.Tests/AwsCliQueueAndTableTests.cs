namespace FilePipeline.Serve.Tests;

/// <summary>The Debian AWS CLI's SQS (Query protocol), DynamoDB and Step Functions commands against serve, pipeline idle.</summary>
public sealed class AwsCliQueueAndTableTests : IAsyncLifetime
{
    private ServeFixture serve = null!;
    private AwsCli aws = null!;

    public async Task InitializeAsync()
    {
        serve = await ServeFixture.StartAsync(runPipeline: false);
        aws = new AwsCli(serve.Endpoint);
    }

    public Task DisposeAsync() => serve.DisposeAsync().AsTask();

    [Fact]
    public async Task Sqs_send_receive_and_delete_message_work_over_the_Query_protocol()
    {
        var url = (await aws.JsonAsync("sqs", "get-queue-url", "--queue-name", serve.Pipeline.Template.DeadLetterQueue.Name))["QueueUrl"]!.GetValue<string>();
        var sent = await aws.JsonAsync("sqs", "send-message", "--queue-url", url, "--message-body", "<hello & \"world\">");
        var received = await aws.JsonAsync("sqs", "receive-message", "--queue-url", url, "--attribute-names", "All", "--max-number-of-messages", "10");
        var message = Assert.Single(received["Messages"]!.AsArray())!;
        Assert.Equal(sent["MessageId"]!.GetValue<string>(), message["MessageId"]!.GetValue<string>());
        Assert.Equal("<hello & \"world\">", message["Body"]!.GetValue<string>());
        Assert.Equal("1", message["Attributes"]!["ApproximateReceiveCount"]!.GetValue<string>());

        await aws.RunAsync("sqs", "delete-message", "--queue-url", url, "--receipt-handle", message["ReceiptHandle"]!.GetValue<string>());
        var attributes = await aws.JsonAsync("sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All");
        Assert.Equal("0", attributes["Attributes"]!["ApproximateNumberOfMessagesNotVisible"]!.GetValue<string>());

        var queues = await aws.JsonAsync("sqs", "list-queues");
        Assert.Contains(queues["QueueUrls"]!.AsArray(), queue => queue!.GetValue<string>() == url);
        var (exit, _, error) = await aws.TryRunAsync("sqs", "get-queue-url", "--queue-name", "missing-queue");
        Assert.NotEqual(0, exit);
        Assert.Contains("NonExistentQueue", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sqs_send_message_batch_reports_each_entry()
    {
        var url = (await aws.JsonAsync("sqs", "get-queue-url", "--queue-name", serve.Pipeline.Template.DeadLetterQueue.Name))["QueueUrl"]!.GetValue<string>();
        var result = await aws.JsonAsync("sqs", "send-message-batch", "--queue-url", url, "--entries", "Id=a,MessageBody=one", "Id=b,MessageBody=two");
        Assert.Equal(["a", "b"], result["Successful"]!.AsArray().Select(entry => entry!["Id"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Dynamodb_put_get_and_scan_items()
    {
        await aws.RunAsync("dynamodb", "put-item", "--table-name", serve.Table, "--item", """{"fileId":{"S":"x@1"},"rowCount":{"N":"7"}}""");
        var item = await aws.JsonAsync("dynamodb", "get-item", "--table-name", serve.Table, "--key", """{"fileId":{"S":"x@1"}}""");
        Assert.Equal("7", item["Item"]!["rowCount"]!["N"]!.GetValue<string>());
        var scan = await aws.JsonAsync("dynamodb", "scan", "--table-name", serve.Table);
        Assert.Equal(1, scan["Count"]!.GetValue<int>());
        var tables = await aws.JsonAsync("dynamodb", "list-tables");
        Assert.Contains(tables["TableNames"]!.AsArray(), name => name!.GetValue<string>() == serve.Table);
    }

    [Fact]
    public async Task Stepfunctions_describe_state_machine_and_the_express_only_answers()
    {
        var arn = serve.Pipeline.Template.StateMachine.Arn;
        var described = await aws.JsonAsync("stepfunctions", "describe-state-machine", "--state-machine-arn", arn);
        Assert.Equal("EXPRESS", described["type"]!.GetValue<string>());
        Assert.Contains("CheckLedger", described["definition"]!.GetValue<string>(), StringComparison.Ordinal);

        var (exit, _, error) = await aws.TryRunAsync("stepfunctions", "list-executions", "--state-machine-arn", arn);
        Assert.NotEqual(0, exit);
        Assert.Contains("StateMachineTypeNotSupported", error, StringComparison.Ordinal);
        (exit, _, error) = await aws.TryRunAsync("stepfunctions", "describe-state-machine", "--state-machine-arn", arn + "-missing");
        Assert.NotEqual(0, exit);
        Assert.Contains("StateMachineDoesNotExist", error, StringComparison.Ordinal);
    }
}
