using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.History;

/// <summary>
/// Reads a definition, its execution history and the execution summary into an <see cref="ExecutionView"/>:
/// which states were entered, exited, retried, failed or caught.
/// </summary>
public static class ExecutionViewParser
{
    /// <summary>Builds the view from the three JSON documents the Step Functions API returns.</summary>
    public static ExecutionView Parse(string definitionJson, string historyJson, string describeExecutionJson) =>
        Parse(StateMachineGraph.Parse(definitionJson), HistoryEvent.ParseHistory(historyJson), ExecutionSummary.FromJson(describeExecutionJson));

    /// <summary>Builds the view from the definition and history JSON and a summary the caller already has.</summary>
    public static ExecutionView Parse(string definitionJson, string historyJson, ExecutionSummary summary) =>
        Parse(StateMachineGraph.Parse(definitionJson), HistoryEvent.ParseHistory(historyJson), summary);

    /// <summary>Builds the view from an already parsed definition, history and summary.</summary>
    internal static ExecutionView Parse(StateMachineGraph graph, IReadOnlyList<HistoryEvent> history, ExecutionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(summary);

        var tracker = new VisitTracker(graph);
        var rows = new List<EventRow>(history.Count);
        DateTimeOffset start = history.FirstOrDefault(e => e.Type == "ExecutionStarted")?.Timestamp ?? summary.StartDate;
        foreach (HistoryEvent historyEvent in history)
        {
            StateVisit? visit = tracker.Apply(historyEvent);
            rows.Add(new EventRow(
                historyEvent.Id, historyEvent.Type, visit?.State.Name, historyEvent.Timestamp,
                historyEvent.Timestamp - start, historyEvent.IsFailure, Detail(historyEvent)));
        }

        DateTimeOffset end = summary.StopDate ?? (history.Count > 0 ? history[^1].Timestamp : summary.StartDate);
        bool executionSucceeded = summary.Status == "SUCCEEDED";
        var path = tracker.Visits
            .Select(v => v.ToStep(end, executionSucceeded, summary))
            .ToList();
        var states = new Dictionary<string, StateRun>(StringComparer.Ordinal);
        foreach (GraphState state in graph.States.Values)
        {
            states[state.Name] = Summarise(state, path.Where(p => p.Name == state.Name).ToList());
        }

        var transitions = tracker.Visits
            .Where(v => v.Next is not null)
            .Select(v => (v.State.Name, v.Next!))
            .ToHashSet();
        // A state can fail inside a Parallel or Map whose own Catch handles it; only a failed execution failed somewhere.
        string? failedState = executionSucceeded ? null : path.LastOrDefault(p => p.Outcome == StateOutcome.Failed)?.Name;
        return new ExecutionView(summary, graph, states, path, rows, transitions, failedState);
    }

    // The most severe visit speaks for the state; retries add up over all visits.
    private static StateRun Summarise(GraphState state, List<PathStep> steps)
    {
        if (steps.Count == 0)
        {
            return new StateRun(state.Name, state.Type, StateOutcome.NotReached, null, null, null, null, 0, null, 0, false, null);
        }

        PathStep worst = steps.OrderBy(s => s.Outcome).Last();
        return new StateRun(
            state.Name, state.Type, worst.Outcome, worst.Input, worst.Output, worst.Error, worst.Cause,
            steps.Sum(s => s.Retries), worst.Duration, steps.Count, worst.Exited, worst.Next, worst.Variables);
    }

    private static string? Detail(HistoryEvent e)
    {
        if (e.Error is not null || e.Cause is not null)
        {
            return string.Join(": ", new[] { e.Error, e.Cause }.Where(t => !string.IsNullOrEmpty(t)));
        }

        string? resource = JsonFields.Text(e.Details, "resource");
        string? resourceType = JsonFields.Text(e.Details, "resourceType");
        return resource is null ? null : resourceType is null ? resource : resourceType + ":" + resource;
    }
}
