using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>A state's box; a Parallel or Map state also has one box per branch inside its own.</summary>
internal sealed record NodeLayout(GraphState State, LayoutBox Box, IReadOnlyList<LayoutBox> Branches);
