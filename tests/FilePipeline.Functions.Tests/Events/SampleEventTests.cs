using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Functions.Events;

namespace FilePipeline.Functions.Tests.Events;

public class SampleEventTests
{
    private static string Read(string name) => File.ReadAllText(TestFiles.Data(name));

    [Theory]
    [InlineData("s3-put-lambda-docs.json")]
    [InlineData("s3-put-console-test-event.json")]
    public void AWSs_S3_sample_events_round_trip_exactly(string name)
    {
        var original = Read(name);

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(original, FunctionsJsonContext.Default.S3Event)!, FunctionsJsonContext.Default.S3Event);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void AWSs_SQS_sample_event_round_trips_exactly()
    {
        var original = Read("sqs-standard-lambda-docs.json");

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(original, FunctionsJsonContext.Default.SQSEvent)!, FunctionsJsonContext.Default.SQSEvent);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void AWSs_partial_batch_response_sample_round_trips_exactly()
    {
        var original = Read("sqs-batch-response-lambda-docs.json");

        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(original, FunctionsJsonContext.Default.SQSBatchResponse)!, FunctionsJsonContext.Default.SQSBatchResponse);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void The_S3_sample_reads_into_the_fields_the_pipeline_uses()
    {
        var record = Assert.Single(JsonSerializer.Deserialize(Read("s3-put-lambda-docs.json"), FunctionsJsonContext.Default.S3Event)!.Records);

        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal(new DateTime(2019, 9, 3, 19, 37, 27, 192, DateTimeKind.Utc), record.EventTime);
        Assert.Equal(DateTimeKind.Utc, record.EventTime.Kind);
        Assert.Equal("amzn-s3-demo-bucket", record.S3!.Bucket!.Name);
        Assert.Equal("b21b84d653bb07b05b1e6b33684dc11b", record.S3.Object!.Key);
        Assert.Equal(1305107, record.S3.Object.Size);
        Assert.Equal("0C0F6F405D6ED209E1", record.S3.Object.Sequencer);
        Assert.Null(record.S3.Object.VersionId);
    }

    [Fact]
    public void The_SQS_sample_reads_its_attributes_and_the_ARN_with_its_odd_casing()
    {
        var messages = JsonSerializer.Deserialize(Read("sqs-standard-lambda-docs.json"), FunctionsJsonContext.Default.SQSEvent)!.Records;

        Assert.Equal(2, messages.Count);
        Assert.Equal("059f36b4-87a3-44ab-83d2-661975830a7d", messages[0].MessageId);
        Assert.Equal("Test message.", messages[0].Body);
        Assert.Equal("1", messages[0].Attributes!["ApproximateReceiveCount"]);
        Assert.Equal("arn:aws:sqs:us-east-2:123456789012:my-queue", messages[0].EventSourceArn);
        Assert.Equal("myValue", messages[0].MessageAttributes!["myAttribute"].StringValue);
        Assert.Empty(messages[1].MessageAttributes!);
    }

    [Fact]
    public void An_empty_batch_response_lists_no_failures_rather_than_omitting_the_list()
    {
        var written = JsonSerializer.Serialize(new SQSBatchResponse(), FunctionsJsonContext.Default.SQSBatchResponse);

        Assert.Equal("""{"batchItemFailures":[]}""", written);
    }
}
