using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.History;

/// <summary>
/// One history event as Step Functions logs it to CloudWatch Logs:
/// <c>{"id":"2","type":"TaskStateEntered","details":{…},"previous_event_id":"1","event_timestamp":"1687310338636","execution_arn":"…"}</c>
/// (ids and the epoch-millisecond timestamp are strings). The details are the
/// <c>…EventDetails</c> member of the same event in GetExecutionHistory. A state machine's <c>Logging</c>
/// level chooses the event types (AWS's table); without execution data the inputs and outputs are left out;
/// a payload above CloudWatch's 248 KB is cut and marked <c>truncated</c>. Written by serve, read by the CLI
/// when it rebuilds a deployed stack's express executions from its log group.
/// </summary>
public sealed record ExpressLogRecord(string ExecutionArn, HistoryEvent Event)
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

    /// <summary>The record in a log message, or null when the message is not a Step Functions history event.</summary>
    public static ExpressLogRecord? TryParse(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(message) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        if (json is null
            || Text(json["execution_arn"]) is not { Length: > 0 } arn
            || Text(json["type"]) is not { Length: > 0 } type
            || !long.TryParse(Text(json["id"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(Text(json["event_timestamp"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var timestamp))
        {
            return null;
        }

        _ = long.TryParse(Text(json["previous_event_id"]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var previous);
        return new ExpressLogRecord(arn, new HistoryEvent
        {
            Id = id,
            PreviousEventId = previous,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(timestamp),
            Type = type,
            Details = json["details"]?.DeepClone() as JsonObject,
        });
    }

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
        var escaped = EscapedLength(payload);
        if (escaped <= MaxPayloadBytes)
        {
            return null;
        }

        var length = (int)((long)payload.Length * MaxPayloadBytes / escaped);
        while (EscapedLength(payload[..length]) > MaxPayloadBytes)
        {
            length -= Math.Max(1, length / 100);
        }

        return payload[..length];
    }

    private static int EscapedLength(string payload) => Compact.Encoder!.Encode(payload).Length + 2;

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);

    // AWS writes these as strings; a number is read as well.
    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;
}
