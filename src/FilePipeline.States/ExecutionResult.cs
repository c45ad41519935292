using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.States;

/// <summary>The outcome of one execution, with the fields of a StartSyncExecution response and the history.</summary>
public sealed class ExecutionResult
{
    public required string ExecutionArn { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public required DateTimeOffset StopDate { get; init; }

    public required ExecutionStatus Status { get; init; }

    /// <summary>The output as a JSON string (as AWS returns it); null unless SUCCEEDED.</summary>
    public string? Output { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public required IReadOnlyList<HistoryEvent> History { get; init; }

    /// <summary>SUCCEEDED, FAILED or TIMED_OUT.</summary>
    public string StatusText => Status switch
    {
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        _ => "TIMED_OUT",
    };

    /// <summary>The StartSyncExecution response JSON (dates as epoch seconds, absent fields omitted).</summary>
    public string ToStartSyncExecutionJson(bool indented = false)
    {
        var obj = new JsonObject
        {
            ["executionArn"] = ExecutionArn,
            ["name"] = Name,
            ["startDate"] = StartDate.ToUnixTimeMilliseconds() / 1000m,
            ["stopDate"] = StopDate.ToUnixTimeMilliseconds() / 1000m,
            ["status"] = StatusText,
        };
        if (Output is not null)
        {
            obj["output"] = Output;
        }

        if (Error is not null)
        {
            obj["error"] = Error;
        }

        if (Cause is not null)
        {
            obj["cause"] = Cause;
        }

        return obj.ToJsonString(new JsonSerializerOptions { WriteIndented = indented });
    }
}
