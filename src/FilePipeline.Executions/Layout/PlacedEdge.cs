using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>An edge routed inside its scope's own coordinates.</summary>
internal sealed record PlacedEdge(GraphEdge Edge, IReadOnlyList<LayoutPoint> Points, LayoutBox? Label, string? LabelText);
