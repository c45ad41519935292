using FilePipeline.Aws.Logs;
using FilePipeline.States.History;

namespace FilePipeline.Aws.Tests.Logs;

public sealed class ExpressExecutionTests
{
    private const string Arn = "arn:aws:states:eu-west-1:111122223333:express:fp-file-processing:n-42:0f3c";

    private static ExpressLogRecord Event(long id, long previous, long ms, string type, string details) =>
        ExpressLogRecord.TryParse($$"""{"id":"{{id}}","type":"{{type}}","details":{{details}},"previous_event_id":"{{previous}}","event_timestamp":"{{ms}}","execution_arn":"{{Arn}}"}""")!;

    private static readonly ExpressLogRecord[] Failed =
    [
        Event(1, 0, 1_000, "ExecutionStarted", """{"input":"{\"fileId\":\"b/k.csv@e1\"}","inputDetails":{"truncated":false},"roleArn":"arn:aws:iam::111122223333:role/r"}"""),
        Event(2, 0, 1_004, "TaskStateEntered", """{"input":"{}","inputDetails":{"truncated":false},"name":"InspectFile"}"""),
        Event(3, 2, 1_900, "TaskFailed", """{"error":"StorageUnavailableException","cause":"busy","resource":"invoke","resourceType":"lambda"}"""),
        Event(4, 3, 2_000, "ExecutionFailed", """{"error":"StorageUnavailableException","cause":"busy"}"""),
    ];

    [Fact]
    public void A_failed_execution_is_rebuilt_with_its_status_dates_error_file_and_names()
    {
        var execution = ExpressExecution.FromEvents(Arn, Failed.Select(r => r.Event));

        Assert.Equal("FAILED", execution.Status);
        Assert.Equal("n-42", execution.Name);
        Assert.Equal("arn:aws:states:eu-west-1:111122223333:stateMachine:fp-file-processing", execution.StateMachineArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_000), execution.StartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(2_000), execution.StopDate);
        Assert.Equal("b/k.csv@e1", execution.FileId);
        Assert.Equal(("StorageUnavailableException", "busy"), (execution.Error, execution.Cause));
        Assert.Null(execution.Outcome);
    }

    [Fact]
    public void Events_delivered_out_of_order_and_twice_rebuild_the_same_history()
    {
        var shuffled = new[] { Failed[3], Failed[1], Failed[0], Failed[1], Failed[2] };

        var execution = ExpressExecution.FromEvents(Arn, shuffled.Select(r => r.Event));

        Assert.Equal([1L, 2, 3, 4], execution.Events.Select(e => e.Id));
        Assert.Equal(ExpressExecution.FromEvents(Arn, Failed.Select(r => r.Event)).HistoryJson(), execution.HistoryJson());
    }

    [Fact]
    public void The_history_is_GetExecutionHistory_JSON_with_each_details_member_named_as_AWS_names_it()
    {
        var history = System.Text.Json.Nodes.JsonNode.Parse(ExpressExecution.FromEvents(Arn, Failed.Select(r => r.Event)).HistoryJson())!["events"]!.AsArray();

        Assert.Equal("busy", (string?)history[2]!["taskFailedEventDetails"]!["cause"]);
        Assert.Equal("InspectFile", (string?)history[1]!["stateEnteredEventDetails"]!["name"]);
        Assert.Equal(1.004m, history[1]!["timestamp"]!.GetValue<decimal>());
    }

    [Fact]
    public void A_succeeded_execution_has_the_pipelines_outcome_and_one_without_a_closing_event_is_running()
    {
        var succeeded = ExpressExecution.FromEvents(Arn, [Failed[0].Event, Event(2, 1, 1_500, "ExecutionSucceeded", """{"output":"{\"fileId\":\"b/k.csv@e1\",\"outcome\":\"PROCESSED\"}","outputDetails":{"truncated":false}}""").Event]);
        var running = ExpressExecution.FromEvents(Arn, Failed.Take(2).Select(r => r.Event));

        Assert.Equal(("SUCCEEDED", "PROCESSED"), (succeeded.Status, succeeded.Outcome));
        Assert.Equal("RUNNING", running.Status);
        Assert.Null(running.StopDate);
    }
}
