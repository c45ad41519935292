using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics;

// TEMPORARY placeholder: the intrinsics helper's version replaces this file at merge.
public static class IntrinsicFunctions
{
    public static JsonNode? Evaluate(string expression, Func<string, JsonNode?> resolvePath)
    {
        ArgumentNullException.ThrowIfNull(resolvePath);
        throw new IntrinsicFailureException($"intrinsics not available: {expression}");
    }
}
