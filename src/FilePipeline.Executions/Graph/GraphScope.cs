namespace FilePipeline.Executions.Graph;

/// <summary>A set of states that transition among themselves: the whole machine, a Parallel branch or a Map processor.</summary>
public sealed record GraphScope(string StartAt, IReadOnlyList<GraphState> States, IReadOnlyList<GraphEdge> Edges);
