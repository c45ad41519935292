using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.StepFunctions;
using FilePipeline.Aws.Tests.Protocol;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Tests.StepFunctions;

public sealed class StepFunctionsClientTests
{
    private const string Arn = "arn:aws:states:eu-west-1:123456789012:stateMachine:FileProcessing";
    private static readonly ImmutableCredentials Identity = new("AKIDTEST", "test-secret", "test-session-token");

    private static StepFunctionsClient ClientFor(SigV4VerifyingServer server, AWSCredentials? credentials = null) =>
        StepFunctionsClient.FromEnvironment(
            name => name switch
            {
                "AWS_REGION" => "eu-west-1",
                "AWS_ENDPOINT_URL_SFN" => server.Url.ToString(),
                _ => null,
            },
            credentials ?? new SessionAWSCredentials(Identity.AccessKey, Identity.SecretKey, Identity.Token));

    [Fact]
    public async Task StartSyncExecution_posts_a_signed_json_1_0_request_and_reads_a_succeeded_execution()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """
            {"executionArn":"arn:aws:states:eu-west-1:123456789012:express:FileProcessing:n1:x","startDate":1.764321000123E9,"stopDate":1764321001.5,
             "status":"SUCCEEDED","output":"{\"outcome\":\"PROCESSED\"}","billingDetails":{"billedDurationInMilliseconds":100}}
            """));

        var response = await ClientFor(server).StartSyncExecutionAsync(Arn, "n1", """{"fileId":"b/k@e"}""", "Root=1-abc", CancellationToken.None);

        Assert.Equal(SyncExecutionStatus.Succeeded, response.Status);
        Assert.Equal("""{"outcome":"PROCESSED"}""", response.Output);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_321_000_123), response.StartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_764_321_001_500), response.StopDate);
        var request = Assert.Single(server.Received);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("application/x-amz-json-1.0", request.Headers["Content-Type"]);
        Assert.Equal("AWSStepFunctions.StartSyncExecution", request.Headers["X-Amz-Target"]);
        Assert.Equal("test-session-token", request.Headers["X-Amz-Security-Token"]);
        Assert.Contains("/eu-west-1/states/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal(Arn, (string?)body["stateMachineArn"]);
        Assert.Equal("n1", (string?)body["name"]);
        Assert.Equal("""{"fileId":"b/k@e"}""", (string?)body["input"]);
        Assert.Equal("Root=1-abc", (string?)body["traceHeader"]);
    }

    [Fact]
    public async Task A_failed_execution_is_a_result_with_its_error_and_cause_not_an_exception()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """
            {"executionArn":"arn:x","startDate":1764321000,"stopDate":1764321001,"status":"FAILED","error":"StorageUnavailableException","cause":"table busy"}
            """));
        var starter = new StepFunctionsWorkflowStarter(ClientFor(server), Arn);

        var result = await starter.StartSyncExecutionAsync("n2", "{}", CancellationToken.None);

        Assert.Equal(new WorkflowResult("arn:x", WorkflowStatus.Failed, null, "StorageUnavailableException", "table busy"), result);
    }

    [Fact]
    public async Task The_starter_passes_the_current_trace_header_so_the_execution_joins_the_trace()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """{"executionArn":"arn:x","status":"SUCCEEDED","output":"{}"}"""));
        var starter = new StepFunctionsWorkflowStarter(ClientFor(server), Arn, () => "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");

        await starter.StartSyncExecutionAsync("n4", "{}", CancellationToken.None);

        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", (string?)JsonNode.Parse(Assert.Single(server.Received).Body)!["traceHeader"]);
    }

    [Fact]
    public async Task A_timed_out_execution_maps_to_timed_out()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """{"executionArn":"arn:x","status":"TIMED_OUT"}"""));

        var result = await new StepFunctionsWorkflowStarter(ClientFor(server), Arn).StartSyncExecutionAsync("n3", "{}", CancellationToken.None);

        Assert.Equal(WorkflowStatus.TimedOut, result.Status);
    }

    [Fact]
    public async Task StartExecution_uses_its_own_target_and_returns_the_execution_arn()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """{"executionArn":"arn:std","startDate":1764321000}"""));

        var response = await ClientFor(server).StartExecutionAsync(Arn, null, "{}", null, CancellationToken.None);

        Assert.Equal("arn:std", response.ExecutionArn);
        var request = Assert.Single(server.Received);
        Assert.Equal("AWSStepFunctions.StartExecution", request.Headers["X-Amz-Target"]);
        Assert.False(JsonNode.Parse(request.Body)!.AsObject().ContainsKey("name"));
    }

    [Fact]
    public async Task An_aws_error_response_becomes_an_exception_named_after_the_type_after_the_last_hash()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (400, """{"__type":"com.amazonaws.swf.service.v2.model#StateMachineDoesNotExist","message":"State Machine Does Not Exist: 'arn'"}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ClientFor(server).StartSyncExecutionAsync(Arn, null, "{}", null, CancellationToken.None));

        Assert.Equal("StateMachineDoesNotExist", error.ErrorCode);
        Assert.Equal("State Machine Does Not Exist: 'arn'", error.ServiceMessage);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("req-1", error.RequestId);
        Assert.False(error.IsTransient);
    }

    [Theory]
    [InlineData(400, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", "ThrottlingException")]
    [InlineData(500, """{"__type":"com.amazon.coral.service#InternalFailure"}""", "InternalFailure")]
    [InlineData(503, "<html>busy</html>", "ServiceUnavailable")]
    public async Task Throttling_and_server_faults_are_transient(int status, string body, string expectedCode)
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (status, body));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ClientFor(server).StartSyncExecutionAsync(Arn, null, "{}", null, CancellationToken.None));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_request_signed_with_other_credentials_is_refused_by_the_verifying_server()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """{"executionArn":"arn:x","status":"SUCCEEDED"}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            ClientFor(server, new SessionAWSCredentials(Identity.AccessKey, "wrong-secret", Identity.Token)).StartSyncExecutionAsync(Arn, null, "{}", null, CancellationToken.None));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
    }

    [Fact]
    public void Without_overrides_the_endpoints_are_regional_with_the_sync_host_for_sync_executions()
    {
        Func<string, string?> environment = name => name == "AWS_REGION" ? "eu-west-1" : null;

        var regular = AwsJsonEndpoint.Resolve("SFN", "states", "eu-west-1", "states", "AWSStepFunctions", environment);
        var sync = AwsJsonEndpoint.Resolve("SFN", "sync-states", "eu-west-1", "states", "AWSStepFunctions", environment);

        Assert.Equal(new Uri("https://states.eu-west-1.amazonaws.com/"), regular.Url);
        Assert.Equal(new Uri("https://sync-states.eu-west-1.amazonaws.com/"), sync.Url);
        Assert.Equal("states", sync.SigningService);
    }

    [Fact]
    public void The_service_specific_endpoint_override_wins_over_the_global_one()
    {
        var both = AwsJsonEndpoint.Resolve("SFN", "sync-states", "us-east-1", "states", "AWSStepFunctions", name => name switch
        {
            "AWS_ENDPOINT_URL_SFN" => "http://127.0.0.1:4001",
            "AWS_ENDPOINT_URL" => "http://127.0.0.1:4000",
            _ => null,
        });
        var globalOnly = AwsJsonEndpoint.Resolve("SFN", "sync-states", "us-east-1", "states", "AWSStepFunctions", name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:4000" : null);

        Assert.Equal(new Uri("http://127.0.0.1:4001"), both.Url);
        Assert.Equal(new Uri("http://127.0.0.1:4000"), globalOnly.Url);
    }

    [Fact]
    public void The_region_comes_from_AWS_REGION_then_AWS_DEFAULT_REGION_and_its_absence_fails_loudly()
    {
        Assert.Equal("ap-south-1", AwsJsonEndpoint.RegionFrom(name => name == "AWS_DEFAULT_REGION" ? "ap-south-1" : null));
        Assert.Throws<InvalidOperationException>(() => AwsJsonEndpoint.RegionFrom(_ => null));
    }

    [Fact]
    public void The_http_timeout_outlasts_an_express_execution()
    {
        Assert.True(StepFunctionsClient.HttpTimeout > TimeSpan.FromMinutes(5));
    }
}
