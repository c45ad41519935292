using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Functions.Events;

namespace FilePipeline.Functions.Tests.Events;

public class AsyncInvocationRecordTests
{
    // The shape of the invocation record in AWS's documentation of asynchronous invocation
    // destinations (a function that crashed on all three attempts), with this test's own values.
    private const string Documented = """
        {
          "version": "1.0",
          "timestamp": "2026-11-28T12:00:05.568Z",
          "requestContext": {
            "requestId": "0f5e8c1a-7d2b-4c33-9a41-6b8e2f10c9d4",
            "functionArn": "arn:aws:lambda:eu-west-1:123456789012:function:filepipeline-ValidateUpload:$LATEST",
            "condition": "RetriesExhausted",
            "approximateInvokeCount": 3
          },
          "requestPayload": {
            "Records": [ { "eventSource": "aws:s3", "s3": { "bucket": { "name": "uploads" }, "object": { "key": "in/a.csv", "size": 12 } } } ]
          },
          "responseContext": {
            "statusCode": 200,
            "executedVersion": "$LATEST",
            "functionError": "Unhandled"
          },
          "responsePayload": {
            "errorMessage": "RequestId: 0f5e8c1a-7d2b-4c33-9a41-6b8e2f10c9d4 Process exited before completing request"
          }
        }
        """;

    [Fact]
    public void The_documented_record_round_trips_field_for_field()
    {
        var record = JsonSerializer.Deserialize(Documented, FunctionsJsonContext.Default.AsyncInvocationRecord)!;

        var written = JsonSerializer.Serialize(record, FunctionsJsonContext.Default.AsyncInvocationRecord);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Documented), JsonNode.Parse(written)), written);
        Assert.Equal((AsyncInvocationRecord.RetriesExhausted, 3), (record.Request!.Condition, record.Request.ApproximateInvokeCount));
        Assert.Equal(("Unhandled", 200), (record.Response!.FunctionError, record.Response.StatusCode));
        Assert.Equal("in/a.csv", (string?)record.RequestPayload!["Records"]![0]!["s3"]!["object"]!["key"]);
    }
}
