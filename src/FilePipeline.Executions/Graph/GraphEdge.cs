namespace FilePipeline.Executions.Graph;

/// <summary>A possible transition between two states of the same scope.</summary>
/// <param name="Label">What the transition depends on (a Choice rule, the caught errors), or null for Next.</param>
public sealed record GraphEdge(string From, string To, EdgeKind Kind, string? Label);
