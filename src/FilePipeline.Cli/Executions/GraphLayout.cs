namespace FilePipeline.Cli.Executions;

/// <summary>Where each state, group and transition of a definition is drawn.</summary>
public sealed record GraphLayout(double Width, double Height, IReadOnlyList<NodeLayout> Nodes, IReadOnlyList<EdgeLayout> Edges);

/// <summary>A state's box; a Parallel or Map state also has one box per branch inside its own.</summary>
public sealed record NodeLayout(GraphState State, LayoutBox Box, IReadOnlyList<LayoutBox> Branches);

/// <summary>A transition drawn as a polyline from its source's border to its target's border.</summary>
/// <param name="Label">Where the edge's label sits, clear of every node and edge.</param>
/// <param name="Scope">The Parallel or Map state whose branch holds the edge; null at top level.</param>
/// <param name="LabelText">The label's text as drawn (shortened when long).</param>
public sealed record EdgeLayout(GraphEdge Edge, IReadOnlyList<LayoutPoint> Points, LayoutBox? Label, string? LabelText, string? Scope);
