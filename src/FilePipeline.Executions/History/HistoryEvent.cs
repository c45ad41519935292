using System.Text.Json.Nodes;

namespace FilePipeline.Executions.History;

/// <summary>One event of GetExecutionHistory.</summary>
/// <param name="Details">The event's single <c>…EventDetails</c> object, if any.</param>
internal sealed record HistoryEvent(long Id, long PreviousEventId, string Type, DateTimeOffset Timestamp, JsonObject? Details)
{
    /// <summary>The state name carried by state entered/exited and map iteration events.</summary>
    public string? Name => JsonFields.Text(Details, "name");

    public string? Input => JsonFields.Text(Details, "input");

    public string? Output => JsonFields.Text(Details, "output");

    public string? Error => JsonFields.Text(Details, "error");

    public string? Cause => JsonFields.Text(Details, "cause");

    /// <summary>A …StateExited event's <c>assignedVariables</c>: each variable's value as JSON text.</summary>
    public JsonObject? AssignedVariables => Details?["assignedVariables"] as JsonObject;

    public bool IsStateEntered => Type.EndsWith("StateEntered", StringComparison.Ordinal);

    public bool IsStateExited => Type.EndsWith("StateExited", StringComparison.Ordinal);

    public bool IsExecutionEvent => Type.StartsWith("Execution", StringComparison.Ordinal);

    /// <summary>TaskFailed, TaskTimedOut, LambdaFunctionFailed, ParallelStateFailed, MapStateFailed, ExecutionFailed…</summary>
    public bool IsFailure => Type.EndsWith("Failed", StringComparison.Ordinal) || Type.EndsWith("TimedOut", StringComparison.Ordinal);

    /// <summary>One attempt of a Task: TaskScheduled (or LambdaFunctionScheduled, ActivityScheduled).</summary>
    public bool IsAttempt => Type.EndsWith("Scheduled", StringComparison.Ordinal);

    /// <summary>Reads GetExecutionHistory's JSON (<c>{"events": [...]}</c>, or a bare array), ordered by id.</summary>
    /// <exception cref="FormatException">The text is not an execution history.</exception>
    public static IReadOnlyList<HistoryEvent> ParseHistory(string historyJson)
    {
        JsonNode? root = JsonNode.Parse(historyJson);
        JsonArray events = root as JsonArray ?? root?["events"] as JsonArray
            ?? throw new FormatException("The execution history has no events array.");
        return events.OfType<JsonObject>().Select(Read).OrderBy(e => e.Id).ToList();
    }

    private static HistoryEvent Read(JsonObject json)
    {
        JsonObject? details = json
            .Where(p => p.Key.EndsWith("EventDetails", StringComparison.Ordinal))
            .Select(p => p.Value)
            .OfType<JsonObject>()
            .FirstOrDefault();
        return new HistoryEvent(
            json["id"]?.GetValue<long>() ?? throw new FormatException("A history event has no id."),
            json["previousEventId"]?.GetValue<long>() ?? 0,
            JsonFields.Text(json, "type") ?? throw new FormatException("A history event has no type."),
            JsonFields.Timestamp(json["timestamp"]) ?? throw new FormatException("A history event has no timestamp."),
            details);
    }
}
