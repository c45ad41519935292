namespace FilePipeline.Cli.Executions;

/// <summary>A state placed inside its scope's own coordinates.</summary>
internal sealed record PlacedNode(GraphState State, LayoutBox Box, GroupDrawing? Group);
