using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.History;

/// <summary>
/// Converts history to and from the JSON of AWS's GetExecutionHistory response:
/// <c>{"events":[{"timestamp","type","id","previousEventId","…EventDetails":{…}}]}</c>.
/// Timestamps are written as epoch seconds (the API's wire format) and read from numbers or ISO 8601 strings.
/// </summary>
public static class HistorySerializer
{
    public static string Serialize(IEnumerable<HistoryEvent> events, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(events);
        var array = new JsonArray();
        foreach (var e in events)
        {
            array.Add((JsonNode)ToJson(e));
        }

        return new JsonObject { ["events"] = array }.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }

    public static JsonObject ToJson(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var obj = new JsonObject
        {
            ["timestamp"] = historyEvent.Timestamp.ToUnixTimeMilliseconds() / 1000m,
            ["type"] = historyEvent.Type,
            ["id"] = historyEvent.Id,
            ["previousEventId"] = historyEvent.PreviousEventId,
        };
        if (historyEvent.Details is not null)
        {
            obj[historyEvent.DetailsMemberName] = historyEvent.Details.DeepClone();
        }

        return obj;
    }

    public static IReadOnlyList<HistoryEvent> Deserialize(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("history JSON must be an object");
        var events = root["events"] as JsonArray ?? throw new FormatException("history JSON must have an 'events' array");
        return [.. events.Select(node => FromJson(node as JsonObject ?? throw new FormatException("each event must be an object")))];
    }

    public static HistoryEvent FromJson(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var type = obj["type"]?.GetValue<string>() ?? throw new FormatException("event without 'type'");
        return new HistoryEvent
        {
            Id = obj["id"]?.GetValue<long>() ?? throw new FormatException("event without 'id'"),
            PreviousEventId = obj["previousEventId"]?.GetValue<long>() ?? 0,
            Timestamp = ReadTimestamp(obj["timestamp"]),
            Type = type,
            Details = obj[HistoryEvent.DetailsMemberNameOf(type)]?.DeepClone() as JsonObject,
        };
    }

    private static DateTimeOffset ReadTimestamp(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(node.GetValue<decimal>() * 1000m)),
        JsonValueKind.String => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new FormatException("event without 'timestamp'"),
    };
}
