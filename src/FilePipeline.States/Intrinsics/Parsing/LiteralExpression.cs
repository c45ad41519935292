using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>A number, <c>true</c>, <c>false</c> or <c>null</c> written in the invocation.</summary>
internal sealed class LiteralExpression(JsonNode? value) : IntrinsicExpression
{
    // Cloned per evaluation: a node can belong to one parent only, and results end up in payloads.
    public override JsonNode? Evaluate(IntrinsicEnvironment environment) => value?.DeepClone();
}
