using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.History;

/// <summary>Everything the HTML report and the terminal view show about one execution.</summary>
/// <param name="States">Every state of the definition (also the ones never reached), by name.</param>
/// <param name="Path">State entries in the order they happened.</param>
/// <param name="Transitions">The (from, to) transitions the execution took.</param>
/// <param name="FailedState">Where the execution failed: the last state with outcome Failed, if any.</param>
public sealed record ExecutionView(
    ExecutionSummary Summary,
    StateMachineGraph Graph,
    IReadOnlyDictionary<string, StateRun> States,
    IReadOnlyList<PathStep> Path,
    IReadOnlyList<EventRow> Events,
    IReadOnlySet<(string From, string To)> Transitions,
    string? FailedState)
{
    /// <summary>From start to stop, or to the last event while the execution has no stop date.</summary>
    public TimeSpan? Duration => Summary.StopDate is { } stop ? stop - Summary.StartDate : null;
}
