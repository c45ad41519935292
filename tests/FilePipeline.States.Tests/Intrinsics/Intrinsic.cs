using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics;

namespace FilePipeline.States.Tests.Intrinsics;

/// <summary>
/// Evaluates intrinsics against a JSON input with a minimal resolver: <c>$</c>, <c>$.a.b</c> and
/// <c>$$.a.b</c> (over a separate context object). It stands in for the engine's JSONPath.
/// </summary>
internal static class Intrinsic
{
    public static JsonNode? Evaluate(string expression, string input = "{}", IntrinsicServices? services = null, string context = "{}") =>
        IntrinsicFunctions.Evaluate(expression, Resolver(JsonNode.Parse(input), JsonNode.Parse(context)), services ?? IntrinsicServices.Default);

    public static IntrinsicFailureException Fails(string expression, string input = "{}") =>
        Assert.Throws<IntrinsicFailureException>(() => Evaluate(expression, input));

    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.Equal(JsonNode.Parse(expected)?.ToJsonString() ?? "null", actual?.ToJsonString() ?? "null");

    public static Func<string, JsonNode?> Resolver(JsonNode? input, JsonNode? context) => path =>
    {
        var (node, rest) = path.StartsWith("$$", StringComparison.Ordinal) ? (context, path[2..]) : (input, path[1..]);
        foreach (var name in rest.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(name, out var child)
                ? child
                : throw new PathNotFoundException(path);
        }

        return node;
    };
}

/// <summary>What the test resolver throws for a path that matches nothing (the engine has its own error).</summary>
internal sealed class PathNotFoundException(string path) : Exception($"The path '{path}' did not match the input.");
