using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FilePipeline.Lambda.Tests.Runtime;

/// <summary>
/// The built <c>bootstrap</c> as Lambda runs it: a separate process configured only by environment
/// variables, talking to a Runtime API served by the test. <c>FILEPIPELINE_BOOTSTRAP</c> may name
/// another build of it (e.g. the Native AOT binary); by default the JIT build beside these tests runs.
/// </summary>
public sealed class BootstrapProcessTests
{
    private const string StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:FileProcessing";

    [Fact]
    public async Task ProcessQueue_runs_an_sqs_batch_through_step_functions_and_posts_an_empty_batch_failure_list()
    {
        await using var api = new TestRuntimeApi();
        await using var stepFunctions = new StubStepFunctions("""{"executionArn":"arn:x","status":"SUCCEEDED","output":"{\"outcome\":\"PROCESSED\"}"}""");
        using var bootstrap = Start(api, new()
        {
            ["ANNOTATIONS_HANDLER"] = "ProcessQueue",
            ["STATE_MACHINE_ARN"] = StateMachineArn,
            ["QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs", // where failed messages would get their backoff
            ["AWS_ENDPOINT_URL_SFN"] = stepFunctions.Url,
        });

        api.Enqueue("req-1", SqsEvent, DateTimeOffset.UtcNow.AddMinutes(10), "Root=1-abc");
        var post = await api.NextPostAsync();
        bootstrap.Kill();
        await bootstrap.WaitForExitAsync();

        Assert.Equal("/2018-06-01/runtime/invocation/req-1/response", post.Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"batchItemFailures":[]}"""), JsonNode.Parse(post.Body)), post.Body);
        Assert.Equal(["AWSStepFunctions.StartSyncExecution"], stepFunctions.Targets);
        var output = await bootstrap.StandardOutput.ReadToEndAsync();
        Assert.Contains("\"FilesProcessed\":1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bootstrap_without_a_known_handler_reports_an_init_error_and_exits_non_zero()
    {
        await using var api = new TestRuntimeApi();
        using var bootstrap = Start(api, new() { ["_HANDLER"] = "bootstrap" });

        var post = await api.NextPostAsync();
        await bootstrap.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("/2018-06-01/runtime/init/error", post.Path);
        Assert.Equal("HandlerNotFoundException", post.ErrorTypeHeader);
        Assert.Equal(1, bootstrap.ExitCode);
    }

    private const string SqsEvent = """
        {"Records":[{"messageId":"m-1","receiptHandle":"rh","body":"{\"bucket\":\"uploads\",\"key\":\"in/a.csv\",\"eTag\":\"0a\",\"size\":10,\"eventTime\":\"2026-11-28T12:00:00.000Z\"}",
          "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1795867200000","ApproximateFirstReceiveTimestamp":"1795867200001"},
          "messageAttributes":{},"md5OfBody":"x","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:123456789012:jobs","awsRegion":"eu-west-1"}]}
        """;

    private static Process Start(TestRuntimeApi api, Dictionary<string, string> environment)
    {
        var custom = Environment.GetEnvironmentVariable("FILEPIPELINE_BOOTSTRAP");
        var info = string.IsNullOrEmpty(custom)
            ? new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "bootstrap.dll")])
            : new ProcessStartInfo(custom);
        info.RedirectStandardOutput = true;
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "test-function";
        info.Environment["AWS_REGION"] = "eu-west-1";
        info.Environment["AWS_ACCESS_KEY_ID"] = "AKIDTEST";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "test-secret";
        info.Environment.Remove("ANNOTATIONS_HANDLER");
        info.Environment.Remove("_HANDLER");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("bootstrap could not be started.");
    }
}
