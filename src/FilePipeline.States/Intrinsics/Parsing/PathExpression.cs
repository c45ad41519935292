using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>A <c>$</c> or <c>$$</c> path argument, resolved by the engine (its path errors propagate).</summary>
internal sealed class PathExpression(string path) : IntrinsicExpression
{
    // The resolved node still belongs to the state input; functions embed and return it, so copy it.
    public override JsonNode? Evaluate(IntrinsicEnvironment environment) => environment.ResolvePath(path)?.DeepClone();
}
