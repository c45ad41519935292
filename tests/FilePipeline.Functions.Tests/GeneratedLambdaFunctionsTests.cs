using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Functions.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Functions.Tests;

/// <summary>The generated wrappers of the three functions, reached by name through the generated registry, over fakes.</summary>
public class GeneratedLambdaFunctionsTests
{
    private readonly FakeObjectStore objects = new();
    private readonly FakeJobQueue queue = new();
    private readonly FakeWorkflowStarter workflows = new();
    private readonly TestInvocation invocation = new();

    [Fact]
    public void The_registry_has_the_three_functions_under_their_method_names_and_template_resources()
    {
        Assert.Equal(
            [("InspectFile", "InspectFileFunction"), ("ProcessQueue", "ProcessQueueFunction"), ("ValidateUpload", "ValidateUploadFunction")],
            GeneratedLambdaFunctions.Registry.Functions.Select(f => (f.Handler, f.ResourceName)));
        Assert.Equal([HandlerNames.InspectFile, HandlerNames.ProcessQueue, HandlerNames.ValidateUpload], GeneratedLambdaFunctions.Registry.Names);
    }

    [Fact]
    public async Task ValidateUpload_takes_an_S3_event_and_returns_nothing()
    {
        var info = objects.Add("uploads", "a b.csv", Encoding.UTF8.GetBytes("x,y\n1,2\n"));
        var payload = $$$$"""{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2026-11-28T12:00:00.000Z","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"uploads"},"object":{"key":"a+b.csv","size":8,"eTag":"{{{{info.ETag}}}}","versionId":"v1"}}}]}""";

        var response = await InvokeAsync(HandlerNames.ValidateUpload, payload);

        Assert.Equal("", response);
        Assert.Contains("\"key\":\"a b.csv\"", Assert.Single(queue.Delivered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessQueue_takes_an_SQS_event_and_returns_the_batch_response()
    {
        const string Payload = """{"Records":[{"messageId":"m1","body":"not json","attributes":{"ApproximateReceiveCount":"1"}}]}""";

        var response = await InvokeAsync(HandlerNames.ProcessQueue, Payload);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m1"}]}""", response);
    }

    [Fact]
    public async Task InspectFile_takes_the_state_data_and_returns_the_result()
    {
        var info = objects.Add("uploads", "a.csv", Encoding.UTF8.GetBytes("x,y\n1,2\n3,4\n"));
        var payload = $$"""{"bucket":"uploads","key":"a.csv","versionId":"v1","eTag":"{{info.ETag}}","size":12,"fileId":"uploads/a.csv@{{info.ETag}}","fileName":"a.csv","messageId":"m","receiveCount":1,"now":1,"leaseUntil":2}""";

        var response = JsonNode.Parse(await InvokeAsync(HandlerNames.InspectFile, payload))!;

        Assert.Equal(2, (long)response["rowCount"]!);
    }

    [Fact]
    public async Task A_null_payload_is_not_an_event()
    {
        var error = await Assert.ThrowsAsync<JsonException>(() => InvokeAsync(HandlerNames.ProcessQueue, "null"));

        Assert.Equal("The event is null; ProcessQueue takes SQSEvent.", error.Message);
    }

    [Fact]
    public async Task A_function_exception_propagates_as_thrown_so_hosts_report_its_type_name()
    {
        var payload = """{"bucket":"uploads","key":"gone.csv","versionId":"v1","eTag":"0a","size":12,"fileId":"uploads/gone.csv@0a","fileName":"gone.csv","messageId":"m","receiveCount":1,"now":1,"leaseUntil":2}""";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => InvokeAsync(HandlerNames.InspectFile, payload));

        Assert.IsType<FilePipeline.Core.Errors.ObjectNotFoundException>(error);
    }

    [Fact]
    public void A_function_whose_services_are_missing_fails_when_its_wrapper_is_built_not_at_its_first_invocation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => GeneratedLambdaFunctions.Registry.Create(HandlerNames.ProcessQueue, null));

        Assert.Contains(nameof(IWorkflowStarter), error.Message, StringComparison.Ordinal);
    }

    private async Task<string> InvokeAsync(string handler, string payload)
    {
        var function = GeneratedLambdaFunctions.Registry.Create(handler, services => services
            .AddSingleton<IObjectStore>(objects)
            .AddSingleton<IJobQueue>(queue)
            .AddSingleton<ILedger>(new FakeLedger())
            .AddSingleton<IWorkflowStarter>(workflows)
            .AddSingleton<IMessageVisibility>(new FakeMessageVisibility())
            .AddSingleton(new FunctionSettings())
            .AddSingleton<TimeProvider>(invocation.Time));
        var response = await function(Encoding.UTF8.GetBytes(payload), invocation.Context, CancellationToken.None);
        return Encoding.UTF8.GetString(response.Span);
    }
}
