using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.States.Tests.History;

/// <summary>
/// The express log format, shaped as the log events Step Functions writes to CloudWatch Logs (Level ALL,
/// IncludeExecutionData true) in recordings made against AWS: field order, numbers as strings, details as the
/// history event's details member.
/// </summary>
public sealed class ExpressLogRenderingTests
{
    private const string ExecutionArn = "arn:aws:states:us-east-1:123456789012:express:filepipeline-file-processing:run-1:4f1c2d3e-0000-4000-8000-000000000001";

    [Fact]
    public void Execution_started_renders_as_the_recorded_AWS_log_event()
    {
        var started = new HistoryEvent
        {
            Id = 1,
            PreviousEventId = 0,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1668385713883),
            Type = "ExecutionStarted",
            Details = new JsonObject
            {
                ["input"] = """{"key":"in/a.csv"}""",
                ["inputDetails"] = new JsonObject { ["truncated"] = false },
                ["roleArn"] = "arn:aws:iam::123456789012:role/filepipeline-role",
            },
        };

        var rendered = ExpressLogRecord.Render(started, ExecutionArn, includeExecutionData: true);

        Assert.Equal(
            """{"id":"1","type":"ExecutionStarted","details":{"input":"{\"key\":\"in/a.csv\"}","inputDetails":{"truncated":false},"roleArn":"arn:aws:iam::123456789012:role/filepipeline-role"},"previous_event_id":"0","event_timestamp":"1668385713883","execution_arn":"arn:aws:states:us-east-1:123456789012:express:filepipeline-file-processing:run-1:4f1c2d3e-0000-4000-8000-000000000001","redrive_count":"0"}""",
            rendered);
    }

    [Fact]
    public void An_event_without_details_has_empty_details_and_failures_keep_error_and_cause()
    {
        var started = new HistoryEvent { Id = 4, PreviousEventId = 3, Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1668385713883), Type = "LambdaFunctionStarted" };
        var failed = new HistoryEvent
        {
            Id = 5,
            PreviousEventId = 4,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1668385717164),
            Type = "LambdaFunctionFailed",
            Details = new JsonObject { ["cause"] = "{\"errorType\":\"InvalidCsvException\"}", ["error"] = "InvalidCsvException" },
        };

        var first = JsonNode.Parse(ExpressLogRecord.Render(started, ExecutionArn, includeExecutionData: false))!;
        var second = JsonNode.Parse(ExpressLogRecord.Render(failed, ExecutionArn, includeExecutionData: false))!;

        Assert.Empty(first["details"]!.AsObject());
        Assert.Equal("3", first["previous_event_id"]!.GetValue<string>());
        Assert.Equal("InvalidCsvException", second["details"]!["error"]!.GetValue<string>());
        Assert.Equal("{\"errorType\":\"InvalidCsvException\"}", second["details"]!["cause"]!.GetValue<string>());
    }

    [Fact]
    public void Without_execution_data_inputs_and_outputs_are_left_out()
    {
        var exited = new HistoryEvent
        {
            Id = 3,
            PreviousEventId = 2,
            Timestamp = DateTimeOffset.UnixEpoch,
            Type = "PassStateExited",
            Details = new JsonObject { ["name"] = "State_1", ["output"] = "{}", ["outputDetails"] = new JsonObject { ["truncated"] = false } },
        };

        var details = JsonNode.Parse(ExpressLogRecord.Render(exited, ExecutionArn, includeExecutionData: false))!["details"]!.AsObject();

        Assert.Equal(["name"], details.Select(pair => pair.Key));
    }

    [Fact]
    public void A_payload_above_248_KB_is_cut_and_marked_truncated()
    {
        var big = "\"" + new string('x', 300_000) + "\"";
        var entered = new HistoryEvent
        {
            Id = 2,
            PreviousEventId = 0,
            Timestamp = DateTimeOffset.UnixEpoch,
            Type = "TaskStateEntered",
            Details = new JsonObject { ["name"] = "InspectFile", ["input"] = big, ["inputDetails"] = new JsonObject { ["truncated"] = false } },
        };

        var details = JsonNode.Parse(ExpressLogRecord.Render(entered, ExecutionArn, includeExecutionData: true))!["details"]!;

        Assert.True(details["inputDetails"]!["truncated"]!.GetValue<bool>());
        var input = details["input"]!.GetValue<string>();
        Assert.InRange(input.Length, 248 * 1024 - 4096, 248 * 1024);
        Assert.StartsWith(input, big, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ALL", "TaskStateEntered", true)]
    [InlineData("ERROR", "TaskStateEntered", false)]
    [InlineData("ERROR", "TaskFailed", true)]
    [InlineData("ERROR", "ExecutionFailed", true)]
    [InlineData("FATAL", "TaskFailed", false)]
    [InlineData("FATAL", "ExecutionTimedOut", true)]
    [InlineData("OFF", "ExecutionFailed", false)]
    public void The_log_level_selects_event_types_as_AWS_documents(string level, string eventType, bool logged) =>
        Assert.Equal(logged, ExpressLogRecord.IsLogged(level, eventType));
}
