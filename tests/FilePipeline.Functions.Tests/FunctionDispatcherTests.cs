using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Functions.Settings;
using FilePipeline.Functions.Tests.Fakes;

namespace FilePipeline.Functions.Tests;

public class FunctionDispatcherTests
{
    private readonly FakeObjectStore _objects = new();
    private readonly FakeJobQueue _queue = new();
    private readonly FakeWorkflowStarter _workflows = new();
    private readonly TestInvocation _invocation = new();

    private FunctionDispatcher Dispatcher()
    {
        var settings = new FunctionSettings();
        return new FunctionDispatcher(
            new ValidateUploadFunction(_objects, _queue, new FakeLedger(), settings, _invocation.Time),
            new ProcessQueueFunction(_workflows, new FakeLedger(), settings, _invocation.Time),
            new InspectFileFunction(_objects, settings, _invocation.Time));
    }

    [Fact]
    public async Task ValidateUpload_takes_an_S3_event_and_returns_null()
    {
        var info = _objects.Add("uploads", "a b.csv", Encoding.UTF8.GetBytes("x,y\n1,2\n"));
        var payload = $$$$"""{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2026-11-28T12:00:00.000Z","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"uploads"},"object":{"key":"a+b.csv","size":8,"eTag":"{{{{info.ETag}}}}","versionId":"v1"}}}]}""";

        var response = await Dispatcher().InvokeAsync(HandlerNames.ValidateUpload, payload, _invocation.Context);

        Assert.Equal("null", response);
        Assert.Contains("\"key\":\"a b.csv\"", Assert.Single(_queue.Delivered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessQueue_takes_an_SQS_event_and_returns_the_batch_response()
    {
        const string Payload = """{"Records":[{"messageId":"m1","body":"not json","attributes":{"ApproximateReceiveCount":"1"}}]}""";

        var response = await Dispatcher().InvokeAsync(HandlerNames.ProcessQueue, Payload, _invocation.Context);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m1"}]}""", response);
    }

    [Fact]
    public async Task InspectFile_takes_the_state_data_and_returns_the_result()
    {
        var info = _objects.Add("uploads", "a.csv", Encoding.UTF8.GetBytes("x,y\n1,2\n3,4\n"));
        var payload = $$"""{"bucket":"uploads","key":"a.csv","versionId":"v1","eTag":"{{info.ETag}}","size":12,"fileId":"uploads/a.csv@{{info.ETag}}","fileName":"a.csv","messageId":"m","receiveCount":1,"now":1,"leaseUntil":2}""";

        var response = JsonNode.Parse(await Dispatcher().InvokeAsync(HandlerNames.InspectFile, payload, _invocation.Context))!;

        Assert.Equal(2, (long)response["rowCount"]!);
    }

    [Fact]
    public async Task An_unknown_handler_fails_loudly_naming_the_known_ones()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Dispatcher().InvokeAsync("Nope", "{}", _invocation.Context));

        Assert.Contains(HandlerNames.InspectFile, error.Message, StringComparison.Ordinal);
        Assert.False(FunctionDispatcher.IsKnown("Nope"));
        Assert.All(FunctionDispatcher.Handlers, handler => Assert.True(FunctionDispatcher.IsKnown(handler)));
    }

    [Fact]
    public async Task A_null_payload_is_not_an_event()
    {
        await Assert.ThrowsAsync<JsonException>(() => Dispatcher().InvokeAsync(HandlerNames.ProcessQueue, "null", _invocation.Context));
    }
}
