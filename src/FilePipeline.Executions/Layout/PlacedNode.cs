using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>A state placed inside its scope's own coordinates.</summary>
internal sealed record PlacedNode(GraphState State, LayoutBox Box, GroupDrawing? Group);
