using System.Text.Json.Nodes;
using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.History;

/// <summary>One entry into a state, accumulated from the events that belong to it.</summary>
internal sealed class StateVisit(GraphState state, DateTimeOffset enteredAt)
{
    private readonly DateTimeOffset enteredAt = enteredAt;

    public GraphState State { get; } = state;

    public string? Next { get; set; }

    public bool IsOpen => !exited;

    /// <summary>Ended, one way or the other: its next state may follow.</summary>
    public bool HasEnded => exited || failed;

    private bool exited;
    private bool failed;
    private int attempts;
    private string? input;
    private string? output;
    private string? error;
    private string? cause;
    private string? variables;
    private DateTimeOffset lastAt;

    public void Record(HistoryEvent e)
    {
        lastAt = e.Timestamp > lastAt ? e.Timestamp : lastAt;
        if (e.IsStateEntered)
        {
            input = e.Input;
        }
        else if (e.IsStateExited)
        {
            exited = true;
            output = e.Output ?? output;
            variables = Variables(e.AssignedVariables);
        }
        else if (e.Type.StartsWith("MapIteration", StringComparison.Ordinal))
        {
            // One iteration's outcome: the MapStateSucceeded/Failed that follows decides for the whole Map.
        }
        else if (e.IsAttempt)
        {
            attempts++;
        }
        else if (e.IsFailure)
        {
            failed = true;
            error = e.Error ?? error;
            cause = e.Cause ?? cause;
        }
        else if (e.Type.EndsWith("Succeeded", StringComparison.Ordinal))
        {
            failed = false; // a retry succeeded
            output = e.Output ?? output;
        }
    }

    public PathStep ToStep(DateTimeOffset executionEnd, bool executionSucceeded, ExecutionSummary summary)
    {
        bool finished = exited || Next is not null || State.Type == "Succeed";
        StateOutcome outcome = State.Type == "Fail" ? StateOutcome.Failed
            : failed ? (Next is not null && State.CatchTargets.Contains(Next) ? StateOutcome.Caught : StateOutcome.Failed)
            : finished || executionSucceeded ? (attempts > 1 ? StateOutcome.Retried : StateOutcome.Succeeded)
            : StateOutcome.Failed; // still running when the execution failed or timed out: this is where it stopped

        string? stepError = error ?? State.Error;
        string? stepCause = cause ?? State.Cause;
        if (outcome == StateOutcome.Failed && stepError is null)
        {
            stepError = summary.Error;
            stepCause ??= summary.Cause;
        }

        DateTimeOffset end = finished || failed ? lastAt : executionEnd;
        return new PathStep(
            State.Name, State.Type, State.Depth, outcome, input, output,
            Math.Max(0, attempts - 1), end - enteredAt, stepError, stepCause, exited, Next, variables);
    }

    // History holds each value as JSON text; the view shows one object of the values themselves.
    private static string? Variables(JsonObject? assigned)
    {
        if (assigned is null)
        {
            return null;
        }

        var values = new JsonObject();
        foreach (var (name, json) in assigned)
        {
            values[name] = json is JsonValue text && text.TryGetValue(out string? s) ? JsonFields.ParseOrText(s) : json?.DeepClone();
        }

        return values.ToJsonString();
    }
}
