using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// Step Functions' log event format for an execution history event, as a state machine's <c>Logging</c>
/// writes it to CloudWatch Logs: <c>id, type, details, previous_event_id, event_timestamp, execution_arn,
/// redrive_count</c>, numbers as strings, <c>details</c> the event's …EventDetails member. The log level
/// chooses the event types (AWS's table); without execution data the inputs and outputs are left out;
/// a payload above CloudWatch's 248 KB is cut and marked <c>truncated</c>.
/// </summary>
public static class ExpressLogFormat
{
    private const int MaxPayloadBytes = 248 * 1024;

    private static readonly HashSet<string> FatalTypes = new(StringComparer.Ordinal) { "ExecutionAborted", "ExecutionFailed", "ExecutionTimedOut" };

    private static readonly HashSet<string> ErrorTypes = new(FatalTypes, StringComparer.Ordinal)
    {
        "FailStateEntered", "LambdaFunctionFailed", "LambdaFunctionScheduleFailed", "LambdaFunctionStartFailed", "LambdaFunctionTimedOut",
        "MapIterationAborted", "MapIterationFailed", "MapStateAborted", "MapStateFailed", "MapRunAborted", "MapRunFailed",
        "ParallelStateAborted", "ParallelStateFailed", "TaskFailed", "TaskStartFailed", "TaskStateAborted", "TaskSubmitFailed",
        "TaskTimedOut", "WaitStateAborted",
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether <paramref name="level"/> (ALL, ERROR, FATAL, OFF) logs events of <paramref name="eventType"/>.</summary>
    public static bool IsLogged(string level, string eventType) => level switch
    {
        "ALL" => true,
        "ERROR" => ErrorTypes.Contains(eventType),
        "FATAL" => FatalTypes.Contains(eventType),
        _ => false,
    };

    public static string Render(HistoryEvent historyEvent, string executionArn, bool includeExecutionData)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var details = historyEvent.Details?.DeepClone().AsObject() ?? [];
        foreach (var (data, dataDetails) in new[] { ("input", "inputDetails"), ("output", "outputDetails") })
        {
            if (!includeExecutionData)
            {
                details.Remove(data);
                details.Remove(dataDetails);
            }
            else if (details[data] is JsonValue value && value.TryGetValue<string>(out var text) && Truncate(text) is { } cut)
            {
                details[data] = cut;
                details[dataDetails] = new JsonObject { ["truncated"] = true };
            }
        }

        return new JsonObject
        {
            ["id"] = Text(historyEvent.Id),
            ["type"] = historyEvent.Type,
            ["details"] = details,
            ["previous_event_id"] = Text(historyEvent.PreviousEventId),
            ["event_timestamp"] = Text(historyEvent.Timestamp.ToUnixTimeMilliseconds()),
            ["execution_arn"] = executionArn,
            ["redrive_count"] = "0",
        }.ToJsonString(Compact);
    }

    /// <summary>The payload cut to fit CloudWatch's limit once escaped, or null when it fits.</summary>
    private static string? Truncate(string payload)
    {
        var escaped = JsonValue.Create(payload).ToJsonString(Compact).Length;
        if (escaped <= MaxPayloadBytes)
        {
            return null;
        }

        var length = (int)((long)payload.Length * MaxPayloadBytes / escaped);
        while (JsonValue.Create(payload[..length]).ToJsonString(Compact).Length > MaxPayloadBytes)
        {
            length -= Math.Max(1, length / 100);
        }

        return payload[..length];
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
