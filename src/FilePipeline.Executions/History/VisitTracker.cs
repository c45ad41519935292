using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.History;

/// <summary>
/// Assigns each history event to the state entry it belongs to. Events are linked by previousEventId
/// (which keeps interleaved Parallel branches apart); histories without it fall back to the latest open entry.
/// </summary>
internal sealed class VisitTracker(StateMachineGraph graph)
{
    private readonly Dictionary<long, StateVisit> visitByEvent = [];

    public List<StateVisit> Visits { get; } = [];

    /// <summary>Records the event and returns the state entry it belongs to (null for execution events).</summary>
    public StateVisit? Apply(HistoryEvent e)
    {
        StateVisit? visit = e.IsExecutionEvent ? null
            : e.IsStateEntered ? Enter(e)
            : e.IsStateExited ? LatestOpen(v => v.State.Name == e.Name) ?? Owner(e)
            : GroupType(e.Type) is { } groupType ? LatestOpen(v => v.State.Name == e.Name) ?? LatestOpen(v => v.State.Type == groupType)
            : Owner(e);
        if (visit is not null)
        {
            visitByEvent[e.Id] = visit;
            visit.Record(e);
        }

        return visit;
    }

    private StateVisit Enter(HistoryEvent e)
    {
        string name = e.Name ?? "?";
        GraphState state = graph.States.GetValueOrDefault(name)
            ?? new GraphState(name, e.Type[..e.Type.IndexOf("State", StringComparison.Ordinal)], null, 0, null, null, [], []);
        StateVisit? parent = e.PreviousEventId == 0 ? PreviousInScope(state) : visitByEvent.GetValueOrDefault(e.PreviousEventId);
        if (parent is not null && parent.Next is null && SameScope(parent.State, state))
        {
            parent.Next = name;
        }

        var visit = new StateVisit(state, e.Timestamp);
        Visits.Add(visit);
        return visit;
    }

    private StateVisit? Owner(HistoryEvent e) =>
        visitByEvent.GetValueOrDefault(e.PreviousEventId) ?? LatestOpen(v => v.State.Type == "Task");

    private StateVisit? PreviousInScope(GraphState state) =>
        Visits.LastOrDefault(v => v.HasEnded && v.Next is null && SameScope(v.State, state));

    private StateVisit? LatestOpen(Func<StateVisit, bool> match) => Visits.LastOrDefault(v => v.IsOpen && match(v));

    private bool SameScope(GraphState a, GraphState b) =>
        graph.Parents.GetValueOrDefault(a.Name)?.Name == graph.Parents.GetValueOrDefault(b.Name)?.Name;

    // ParallelStateStarted/Succeeded/Failed and MapStateStarted/MapIteration* belong to the enclosing group state.
    private static string? GroupType(string type) =>
        type.StartsWith("ParallelState", StringComparison.Ordinal) ? "Parallel"
        : type.StartsWith("Map", StringComparison.Ordinal) ? "Map"
        : null;
}
