using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.Aws.Logs;

/// <summary>
/// An express execution rebuilt from its logged events: what DescribeExecution and
/// GetExecutionHistory would say of it if express machines had them.
/// </summary>
public sealed record ExpressExecution(
    string ExecutionArn,
    string Name,
    string StateMachineArn,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Input,
    string? Output,
    string? Error,
    string? Cause,
    IReadOnlyList<HistoryEvent> Events)
{
    /// <summary>The file the execution worked on (its input's <c>fileId</c>), when execution data is logged.</summary>
    public string? FileId => Field(Input, "fileId");

    /// <summary>The pipeline's outcome (its output's <c>outcome</c>): PROCESSED, DUPLICATE or REJECTED.</summary>
    public string? Outcome => Field(Output, "outcome");

    /// <summary>
    /// Rebuilds one execution from its events (any order, duplicates allowed: CloudWatch Logs
    /// delivery is best effort). Without a closing event the execution is RUNNING, as far as the logs know.
    /// </summary>
    public static ExpressExecution FromEvents(string executionArn, IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var history = events.DistinctBy(e => e.Id).OrderBy(e => e.Id).ToList();
        var started = history.FirstOrDefault(e => e.Type == "ExecutionStarted");
        var closed = history.LastOrDefault(e => e.Type is "ExecutionSucceeded" or "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted");
        var (machineArn, name) = SplitArn(executionArn);
        return new ExpressExecution(
            executionArn,
            name,
            machineArn,
            closed?.Type switch
            {
                "ExecutionSucceeded" => "SUCCEEDED",
                "ExecutionFailed" => "FAILED",
                "ExecutionTimedOut" => "TIMED_OUT",
                "ExecutionAborted" => "ABORTED",
                _ => "RUNNING",
            },
            (started ?? history.FirstOrDefault())?.Timestamp ?? DateTimeOffset.UnixEpoch,
            closed?.Timestamp,
            (string?)started?.Details?["input"],
            (string?)closed?.Details?["output"],
            (string?)closed?.Details?["error"],
            (string?)closed?.Details?["cause"],
            history);
    }

    /// <summary>The history as GetExecutionHistory's JSON (<c>{"events":[…]}</c>), which the execution viewer reads.</summary>
    public string HistoryJson() => HistorySerializer.Serialize(Events);

    // arn:aws:states:{region}:{account}:express:{machine}:{name}:{id} (also :execution: for standard machines).
    private static (string MachineArn, string Name) SplitArn(string executionArn)
    {
        var parts = executionArn.Split(':');
        return parts.Length >= 8 && parts[5] is "express" or "execution"
            ? (string.Join(':', parts[..5]) + ":stateMachine:" + parts[6], parts[7])
            : (string.Empty, executionArn);
    }

    private static string? Field(string? json, string name)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
