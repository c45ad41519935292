using System.Text.Json.Nodes;
using Amazon.Runtime;
using FilePipeline.Aws.Logs;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.Tests.Protocol;

namespace FilePipeline.Aws.Tests.Logs;

public sealed class CloudWatchLogsClientTests
{
    private static readonly ImmutableCredentials Identity = new("AKIDLOGS", "logs-secret", null);

    private static CloudWatchLogsClient ClientFor(SigV4VerifyingServer server) => CloudWatchLogsClient.Create(
        new AwsJsonClient(new HttpClient(), new BasicAWSCredentials(Identity.AccessKey, Identity.SecretKey), TimeProvider.System),
        "eu-west-1",
        name => name == "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS" ? server.Url.ToString() : null);

    [Fact]
    public async Task FilterLogEvents_is_a_signed_json_1_1_call_read_page_after_page()
    {
        await using var server = new SigV4VerifyingServer(Identity, request => JsonNode.Parse(request.Body)!["nextToken"] is null
            ? (200, """{"events":[{"logStreamName":"s1","timestamp":1000,"message":"one","ingestionTime":1001,"eventId":"1"}],"nextToken":"page-2","searchedLogStreams":[]}""")
            : (200, """{"events":[{"logStreamName":"s2","timestamp":2000,"message":"two","ingestionTime":2001,"eventId":"2"}]}"""));
        var since = DateTimeOffset.FromUnixTimeMilliseconds(500);

        var events = await ClientFor(server).FilterLogEventsAsync("/aws/vendedlogs/states/fp", since, null, "\"n-1\"", CancellationToken.None).ToListAsync();

        Assert.Equal(["one", "two"], events.Select(e => e.Message));
        Assert.Equal(["s1", "s2"], events.Select(e => e.LogStreamName));
        Assert.Equal(2, server.Received.Count);
        var first = server.Received[0];
        Assert.Equal("application/x-amz-json-1.1", first.Headers["Content-Type"]);
        Assert.Equal("Logs_20140328.FilterLogEvents", first.Headers["X-Amz-Target"]);
        Assert.Contains("/eu-west-1/logs/aws4_request", first.Headers["Authorization"], StringComparison.Ordinal);
        var body = JsonNode.Parse(first.Body)!;
        Assert.Equal("/aws/vendedlogs/states/fp", (string?)body["logGroupName"]);
        Assert.Equal(500, (long?)body["startTime"]);
        Assert.Null(body["endTime"]);
        Assert.Equal("\"n-1\"", (string?)body["filterPattern"]);
        Assert.Equal("page-2", (string?)JsonNode.Parse(server.Received[1].Body)!["nextToken"]);
    }

    [Fact]
    public async Task A_missing_log_group_is_named_in_the_error()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (400, """{"__type":"ResourceNotFoundException","message":"The specified log group does not exist."}"""));

        var error = await Assert.ThrowsAsync<LogGroupNotFoundException>(() => ClientFor(server).FilterLogEventsAsync("/aws/vendedlogs/states/gone", null, null, null, CancellationToken.None).ToListAsync().AsTask());

        Assert.Contains("'/aws/vendedlogs/states/gone' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reader_says_so_when_the_group_holds_no_history_events()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """{"events":[{"logStreamName":"s","timestamp":1,"message":"START RequestId: 1"}]}"""));

        var error = await Assert.ThrowsAsync<NoExecutionDataException>(() => new ExpressExecutionReader(ClientFor(server), "/aws/lambda/fp").ListAsync(new ExecutionFilter(), CancellationToken.None));

        Assert.Contains("no Step Functions history events", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_file_needs_logged_execution_data()
    {
        const string started = """{"id":"1","type":"ExecutionStarted","details":{"roleArn":"r"},"previous_event_id":"0","event_timestamp":"5","execution_arn":"arn:aws:states:eu-west-1:1:express:m:n:i"}""";
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, new JsonObject { ["events"] = new JsonArray(new JsonObject { ["logStreamName"] = "s", ["timestamp"] = 5, ["message"] = started }) }.ToJsonString()));
        var reader = new ExpressExecutionReader(ClientFor(server), "/aws/vendedlogs/states/fp");

        var all = await reader.ListAsync(new ExecutionFilter(), CancellationToken.None);
        var error = await Assert.ThrowsAsync<NoExecutionDataException>(() => reader.ListAsync(new ExecutionFilter(FileId: "b/k@e"), CancellationToken.None));

        Assert.Equal("RUNNING", Assert.Single(all).Status);
        Assert.Contains("IncludeExecutionData off", error.Message, StringComparison.Ordinal);
    }
}
