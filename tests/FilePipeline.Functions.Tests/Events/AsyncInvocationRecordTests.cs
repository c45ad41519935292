using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Functions.Events;

namespace FilePipeline.Functions.Tests.Events;

public class AsyncInvocationRecordTests
{
    [Fact]
    public void AWSs_documented_invocation_record_round_trips_verbatim()
    {
        // "Example invocation record" of AWS's asynchronous invocation page (TestData/README.md): an event
        // that failed three attempts because the function's process exited.
        var documented = File.ReadAllText(TestFiles.Data("async-invocation-record-lambda-docs.json"));

        var record = JsonSerializer.Deserialize(documented, FunctionsJsonContext.Default.AsyncInvocationRecord)!;
        var written = JsonSerializer.Serialize(record, FunctionsJsonContext.Default.AsyncInvocationRecord);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(documented), JsonNode.Parse(written)), written);
        Assert.Equal(("1.0", "2019-11-14T18:16:05.568Z"), (record.Version, record.Timestamp));
        Assert.Equal(
            ("e4b46cbf-b738-xmpl-8880-a18cdf61200e", "arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST", AsyncInvocationRecord.RetriesExhausted, 3),
            (record.Request!.RequestId, record.Request.FunctionArn, record.Request.Condition, record.Request.ApproximateInvokeCount));
        Assert.Equal((200, "$LATEST", "Unhandled"), (record.Response!.StatusCode, record.Response.ExecutedVersion, record.Response.FunctionError));
        Assert.Equal(3, record.RequestPayload!["ORDER_IDS"]!.AsArray().Count);
        Assert.StartsWith("RequestId: e4b46cbf", (string?)record.ResponsePayload!["errorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_without_a_function_error_writes_no_functionError_as_Lambda_does_for_a_success()
    {
        var record = new AsyncInvocationRecord { Response = new AsyncInvocationRecord.ResponseContext { StatusCode = 200, ExecutedVersion = "$LATEST" } };

        var written = JsonNode.Parse(JsonSerializer.Serialize(record, FunctionsJsonContext.Default.AsyncInvocationRecord))!;

        Assert.False(written["responseContext"]!.AsObject().ContainsKey("functionError"));
    }
}
