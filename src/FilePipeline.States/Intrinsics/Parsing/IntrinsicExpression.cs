using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>A parsed intrinsic invocation or one of its arguments; immutable, so a parse is reusable across threads.</summary>
internal abstract class IntrinsicExpression
{
    /// <summary>Evaluates to a node the caller owns (never one still attached to the input).</summary>
    public abstract JsonNode? Evaluate(IntrinsicEnvironment environment);
}
