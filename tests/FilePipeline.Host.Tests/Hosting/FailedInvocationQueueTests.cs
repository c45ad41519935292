using FilePipeline.Host.EventSources;

namespace FilePipeline.Host.Tests.Hosting;

public class FailedInvocationQueueTests
{
    [Fact]
    public void A_record_yields_its_requestPayload_and_anything_else_is_taken_as_the_event_itself()
    {
        var record = """{"version":"1.0","requestContext":{"condition":"RetriesExhausted","approximateInvokeCount":3},"requestPayload":{"Records":[{"eventSource":"aws:s3"}]}}""";

        Assert.Equal("""{"Records":[{"eventSource":"aws:s3"}]}""", FailedInvocationQueue.EventOf(record));
        Assert.Equal("""{"Records":[]}""", FailedInvocationQueue.EventOf("""{"Records":[]}"""));
        Assert.Equal("not json", FailedInvocationQueue.EventOf("not json"));
    }
}
