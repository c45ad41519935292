namespace FilePipeline.Executions.Graph;

/// <summary>One state of a definition, with the sub-graphs of a Parallel (one per branch) or a Map (one).</summary>
/// <param name="Resource">A Task's resource, shortened to what a person recognises ("dynamodb:getItem").</param>
/// <param name="Depth">0 for top-level states, 1 inside a Parallel branch or Map processor, and so on.</param>
/// <param name="Error">A Fail state's declared error.</param>
/// <param name="Cause">A Fail state's declared cause.</param>
/// <param name="Expressions">The state's JSONata expressions, one "Field: {% … %}" line each; empty for JSONPath.</param>
public sealed record GraphState(
    string Name,
    string Type,
    string? Resource,
    int Depth,
    string? Error,
    string? Cause,
    IReadOnlyList<string> CatchTargets,
    IReadOnlyList<GraphScope> Branches,
    IReadOnlyList<string>? Expressions = null)
{
    /// <summary>Parallel and Map states are drawn as groups around their sub-graphs.</summary>
    public bool IsGroup => Branches.Count > 0;
}
