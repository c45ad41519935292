using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.StepFunctions;

namespace FilePipeline.Serve.Tests;

/// <summary>Our Step Functions client (FilePipeline.Aws) against serve, on the <c>sync-</c> host form AWS uses for StartSyncExecution.</summary>
public sealed class StepFunctionsClientTests : IAsyncLifetime
{
    private ServeFixture serve = null!;

    public async Task InitializeAsync() => serve = await ServeFixture.StartAsync(runPipeline: false);

    public Task DisposeAsync() => serve.DisposeAsync().AsTask();

    [Fact]
    public async Task StartSyncExecution_on_the_sync_host_runs_the_pipeline_definition_and_records_the_file()
    {
        using var s3 = serve.S3();
        var put = await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "sfn/rows.csv", ContentBody = "a\n1\n2\n" });
        var eTag = put.ETag.Trim('"');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var input = new JsonObject
        {
            ["bucket"] = serve.Bucket, ["key"] = "sfn/rows.csv", ["versionId"] = put.VersionId, ["eTag"] = eTag, ["size"] = 6,
            ["eventTime"] = "2026-01-01T00:00:00.000Z", ["fileId"] = $"{serve.Bucket}/sfn/rows.csv@{eTag}", ["fileName"] = "rows.csv",
            ["messageId"] = "m-1", ["receiveCount"] = 1, ["now"] = now, ["leaseUntil"] = now + 300,
        };

        var client = SyncHostClient(out var http);
        using var disposeHttp = http;
        var result = await client.StartSyncExecutionAsync(serve.Pipeline.Template.StateMachine.Arn, "run-1", input.ToJsonString(), null, CancellationToken.None);

        Assert.Equal(SyncExecutionStatus.Succeeded, result.Status);
        Assert.Contains(":express:", result.ExecutionArn, StringComparison.Ordinal);
        Assert.Equal("PROCESSED", JsonNode.Parse(result.Output!)!["outcome"]!.GetValue<string>());
        var record = await serve.Pipeline.Ledger.GetAsync($"{serve.Bucket}/sfn/rows.csv@{eTag}", CancellationToken.None);
        Assert.Equal(2, record!.RowCount);
    }

    [Fact]
    public async Task StartExecution_of_an_unknown_machine_is_StateMachineDoesNotExist()
    {
        var client = SyncHostClient(out var http);
        using var disposeHttp = http;
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.StartExecutionAsync(serve.Pipeline.Template.StateMachine.Arn + "-nope", null, "{}", null, CancellationToken.None));
        Assert.Equal("StateMachineDoesNotExist", error.ErrorCode);
    }

    /// <summary>Our client with AWS's endpoints, <c>states.…</c> and <c>sync-states.…</c>, every host resolving to serve.</summary>
    private StepFunctionsClient SyncHostClient(out HttpClient http)
    {
        var port = serve.Host.Endpoint.Port;
        http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        });
        var json = new AwsJsonClient(http, ServeFixture.Credentials, TimeProvider.System);
        return new StepFunctionsClient(
            json,
            new AwsJsonEndpoint(new Uri($"http://states.us-east-1.localhost:{port}/"), "us-east-1", "states", "AWSStepFunctions"),
            new AwsJsonEndpoint(new Uri($"http://sync-states.us-east-1.localhost:{port}/"), "us-east-1", "states", "AWSStepFunctions"));
    }
}
