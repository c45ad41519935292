using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>A transition drawn as a polyline from its source's border to its target's border.</summary>
/// <param name="Label">Where the edge's label sits, clear of every node and edge.</param>
/// <param name="Scope">The Parallel or Map state whose branch holds the edge; null at top level.</param>
/// <param name="LabelText">The label's text as drawn (shortened when long).</param>
internal sealed record EdgeLayout(GraphEdge Edge, IReadOnlyList<LayoutPoint> Points, LayoutBox? Label, string? LabelText, string? Scope);
