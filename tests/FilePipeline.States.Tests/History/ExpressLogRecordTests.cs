using FilePipeline.States.History;

namespace FilePipeline.States.Tests.History;

public sealed class ExpressLogRecordTests
{
    // As Step Functions logged it (recorded in aws-samples/aws-batch-runtime-monitoring#21): ids and the timestamp are strings.
    private const string Recorded = """
        {"id":"2","type":"ChoiceStateEntered","details":{"input":"{\"a\":1}","inputDetails":{"truncated":false},"name":"Is RunTask call on Batch?"},"previous_event_id":"0","event_timestamp":"1687310338636","execution_arn":"arn:aws:states:us-east-1:123456789012:express:Monitor:n1:e7c1"}
        """;

    [Fact]
    public void A_logged_event_of_AWS_becomes_the_history_event_GetExecutionHistory_would_give()
    {
        var record = ExpressLogRecord.TryParse(Recorded)!;

        Assert.Equal("arn:aws:states:us-east-1:123456789012:express:Monitor:n1:e7c1", record.ExecutionArn);
        Assert.Equal(2, record.Event.Id);
        Assert.Equal(0, record.Event.PreviousEventId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_687_310_338_636), record.Event.Timestamp);
        Assert.Equal("ChoiceStateEntered", record.Event.Type);
        Assert.Equal("stateEnteredEventDetails", record.Event.DetailsMemberName);
        Assert.Equal("Is RunTask call on Batch?", (string?)record.Event.Details!["name"]);
        Assert.Equal("{\"a\":1}", (string?)record.Event.Details["input"]);
    }

    [Fact]
    public void Rendering_a_parsed_event_gives_back_the_same_record()
    {
        var record = ExpressLogRecord.TryParse(Recorded)!;

        var again = ExpressLogRecord.TryParse(ExpressLogRecord.Render(record.Event, record.ExecutionArn, includeExecutionData: true))!;

        Assert.Equal(record.ExecutionArn, again.ExecutionArn);
        Assert.Equal(
            HistorySerializer.ToJson(record.Event).ToJsonString(),
            HistorySerializer.ToJson(again.Event).ToJsonString());
    }

    [Theory]
    [InlineData("START RequestId: 8f507cfc Version: $LATEST")]
    [InlineData("""{"level":"INFO","message":"a function's log line"}""")]
    [InlineData("""{"id":"x","type":"TaskStateEntered","event_timestamp":"1","execution_arn":"arn"}""")]
    [InlineData("[1,2]")]
    public void A_message_that_is_no_history_event_is_skipped(string message)
    {
        Assert.Null(ExpressLogRecord.TryParse(message));
    }
}
