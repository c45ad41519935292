using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>
/// What a path can start from besides the input it is given: the context object (<c>$$</c>,
/// built on each use because RetryCount changes) and the variables in scope (<c>$name</c>).
/// </summary>
internal sealed class PathRoots(Func<JsonObject> context, IVariableLookup variables)
{
    public Func<JsonObject> Context { get; } = context;

    public IVariableLookup Variables { get; } = variables;

    /// <summary>The same variables with another context object (a Map iteration's <c>$$.Map.Item</c>).</summary>
    public PathRoots WithContext(Func<JsonObject> context) => new(context, Variables);
}
