using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.Aws.Logs;

/// <summary>
/// One history event as Step Functions logs it to CloudWatch Logs:
/// <c>{"id":"2","type":"TaskStateEntered","details":{…},"previous_event_id":"1","event_timestamp":"1687310338636","execution_arn":"…"}</c>
/// (ids and the epoch-millisecond timestamp are strings). The details are the
/// <c>…EventDetails</c> member of the same event in GetExecutionHistory.
/// </summary>
public sealed record ExpressLogRecord(string ExecutionArn, HistoryEvent Event)
{
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

    /// <summary>The message Step Functions writes for <paramref name="historyEvent"/> of the execution <paramref name="executionArn"/>.</summary>
    public static string Format(string executionArn, HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var json = new JsonObject
        {
            ["id"] = historyEvent.Id.ToString(CultureInfo.InvariantCulture),
            ["type"] = historyEvent.Type,
            ["details"] = historyEvent.Details?.DeepClone() ?? new JsonObject(),
            ["previous_event_id"] = historyEvent.PreviousEventId.ToString(CultureInfo.InvariantCulture),
            ["event_timestamp"] = historyEvent.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["execution_arn"] = executionArn,
        };
        return json.ToJsonString();
    }

    // AWS writes these as strings; a number is read as well.
    private static string? Text(JsonNode? node) => node is JsonValue value
        ? value.TryGetValue<string>(out var text) ? text : value.ToJsonString()
        : null;
}
