using System.Text.Json.Nodes;

namespace FilePipeline.States;

/// <summary>
/// An ASL error raised while running a state: carries the error name Retry/Catch match on. Either
/// may be absent (a Fail state without Error or Cause; a task timeout has no cause), and AWS then
/// leaves the field out of the history and of the error output.
/// </summary>
internal sealed class StateErrorException(string? error, string? cause) : Exception(cause ?? error)
{
    public string? Error { get; } = error;

    public string? Cause { get; } = cause;

    /// <summary>The field whose JSONata expression failed (e.g. <c>Output/result</c>), for the EvaluationFailed event.</summary>
    public string? Location { get; init; }

    /// <summary>The error output a Catcher or a tolerated Map failure passes on: <c>{"Error","Cause"}</c>.</summary>
    public JsonObject ToErrorOutput() => Fields("Error", "Cause");

    /// <summary>The <c>error</c>/<c>cause</c> members of history event details.</summary>
    public JsonObject ToHistoryDetails() => Fields("error", "cause");

    private JsonObject Fields(string errorName, string causeName)
    {
        var fields = new JsonObject();
        if (Error is not null)
        {
            fields[errorName] = Error;
        }

        if (Cause is not null)
        {
            fields[causeName] = Cause;
        }

        return fields;
    }
}
