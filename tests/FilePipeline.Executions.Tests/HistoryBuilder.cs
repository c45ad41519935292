using System.Text.Json.Nodes;

namespace FilePipeline.Executions.Tests;

/// <summary>Writes small GetExecutionHistory documents; each event follows the previous one unless told otherwise.</summary>
internal sealed class HistoryBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly JsonArray events = [];

    public HistoryBuilder Add(string type, int atMs, string? detailsKey, JsonObject? details, long? previous = null)
    {
        long id = events.Count + 1;
        var e = new JsonObject
        {
            ["timestamp"] = Start.AddMilliseconds(atMs).ToString("O"),
            ["type"] = type,
            ["id"] = id,
            ["previousEventId"] = previous ?? id - 1,
        };
        if (detailsKey is not null)
        {
            e[detailsKey] = details;
        }

        events.Add(e);
        return this;
    }

    public string Build() => new JsonObject { ["events"] = events }.ToJsonString();
}
