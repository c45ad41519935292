namespace FilePipeline.Executions.Layout;

/// <summary>Where each state, group and transition of a definition is drawn.</summary>
internal sealed record GraphLayout(double Width, double Height, IReadOnlyList<NodeLayout> Nodes, IReadOnlyList<EdgeLayout> Edges);
