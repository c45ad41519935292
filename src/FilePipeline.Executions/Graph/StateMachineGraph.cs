using System.Text.Json.Nodes;

namespace FilePipeline.Executions.Graph;

/// <summary>The structure of an ASL definition: its states, nested scopes and possible transitions.</summary>
public sealed class StateMachineGraph
{
    private StateMachineGraph(GraphScope root, IReadOnlyDictionary<string, GraphState> states, IReadOnlyDictionary<string, GraphState?> parents)
    {
        Root = root;
        States = states;
        Parents = parents;
    }

    /// <summary>The top-level scope.</summary>
    public GraphScope Root { get; }

    /// <summary>Every state of every scope by name (ASL requires names unique across the whole machine).</summary>
    public IReadOnlyDictionary<string, GraphState> States { get; }

    /// <summary>The Parallel or Map state that contains each state, or null at top level.</summary>
    public IReadOnlyDictionary<string, GraphState?> Parents { get; }

    /// <summary>Reads an ASL definition (JSON text).</summary>
    /// <exception cref="FormatException">The text is not a definition with StartAt and States.</exception>
    public static StateMachineGraph Parse(string definitionJson)
    {
        JsonObject definition = JsonNode.Parse(definitionJson) as JsonObject
            ?? throw new FormatException("The state machine definition is not a JSON object.");
        var states = new Dictionary<string, GraphState>(StringComparer.Ordinal);
        var parents = new Dictionary<string, GraphState?>(StringComparer.Ordinal);
        GraphScope root = ReadScope(definition, depth: 0, parent: null, states, parents);
        return new StateMachineGraph(root, states, parents);
    }

    private static GraphScope ReadScope(
        JsonObject scope, int depth, GraphState? parent,
        Dictionary<string, GraphState> all, Dictionary<string, GraphState?> parents)
    {
        string startAt = scope["StartAt"]?.GetValue<string>()
            ?? throw new FormatException("A state machine scope has no StartAt.");
        JsonObject definitions = scope[nameof(States)] as JsonObject
            ?? throw new FormatException("A state machine scope has no States object.");
        if (definitions.Count == 0)
        {
            throw new FormatException("A state machine scope has no states.");
        }

        var states = new List<GraphState>();
        var edges = new List<GraphEdge>();
        foreach ((string name, JsonNode? node) in definitions)
        {
            JsonObject definition = node as JsonObject ?? throw new FormatException($"State '{name}' is not an object.");
            GraphState state = ReadState(name, definition, depth, all, parents);
            states.Add(state);
            all[name] = state;
            parents[name] = parent;
            edges.AddRange(ReadEdges(name, definition));
        }

        return new GraphScope(startAt, states, edges);
    }

    private static GraphState ReadState(
        string name, JsonObject definition, int depth,
        Dictionary<string, GraphState> all, Dictionary<string, GraphState?> parents)
    {
        string type = Text(definition, "Type") ?? throw new FormatException($"State '{name}' has no Type.");
        var catchTargets = (definition["Catch"] as JsonArray ?? [])
            .Select(c => c?["Next"]?.GetValue<string>())
            .OfType<string>()
            .ToList();

        // The state itself is needed as the parent of its children, so children are read after it exists.
        var branches = new List<GraphScope>();
        var state = new GraphState(
            name, type, ShortResource(Text(definition, "Resource")), depth,
            Text(definition, "Error"), Text(definition, "Cause"), catchTargets, branches, JsonataExpressions(definition));
        if (type == "Parallel")
        {
            foreach (JsonObject branch in (definition["Branches"] as JsonArray ?? []).OfType<JsonObject>())
            {
                branches.Add(ReadScope(branch, depth + 1, state, all, parents));
            }
        }
        else if (type == "Map" && (definition["ItemProcessor"] ?? definition["Iterator"]) is JsonObject processor)
        {
            branches.Add(ReadScope(processor, depth + 1, state, all, parents));
        }

        return state;
    }

    /// <summary>Every <c>{% %}</c> string among the state's own fields (not its branches' states), with where it is.</summary>
    private static List<string> JsonataExpressions(JsonObject definition)
    {
        var found = new List<string>();
        void Walk(JsonNode? node, string location)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach ((string key, JsonNode? value) in obj)
                    {
                        if (location.Length > 0 || key is not ("Branches" or "ItemProcessor" or "Iterator"))
                        {
                            Walk(value, location.Length == 0 ? key : $"{location}/{key}");
                        }
                    }

                    break;
                case JsonArray array:
                    for (int i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{location}/{i}");
                    }

                    break;
                case JsonValue value when value.TryGetValue(out string? text) && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal):
                    found.Add($"{location}: {text}");
                    break;
            }
        }

        Walk(definition, "");
        return found;
    }

    private static IEnumerable<GraphEdge> ReadEdges(string name, JsonObject definition)
    {
        if (Text(definition, "Next") is { } next)
        {
            yield return new GraphEdge(name, next, EdgeKind.Next, null);
        }

        foreach (JsonObject rule in (definition["Choices"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(rule, "Next") is { } target)
            {
                yield return new GraphEdge(name, target, EdgeKind.Choice, ChoiceRuleText.Describe(rule));
            }
        }

        if (Text(definition, "Default") is { } fallback)
        {
            yield return new GraphEdge(name, fallback, EdgeKind.Default, "Default");
        }

        foreach (JsonObject catcher in (definition["Catch"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Text(catcher, "Next") is { } target)
            {
                string errors = string.Join(", ", (catcher["ErrorEquals"] as JsonArray ?? []).Select(e => e?.ToString()));
                yield return new GraphEdge(name, target, EdgeKind.Catch, errors.Length == 0 ? "Catch" : errors);
            }
        }
    }

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    // "arn:aws:states:::dynamodb:getItem" reads better as "dynamodb:getItem"; a function ARN as its function name.
    private static string? ShortResource(string? resource)
    {
        if (resource is null)
        {
            return null;
        }

        int integration = resource.IndexOf(":::", StringComparison.Ordinal);
        if (integration >= 0)
        {
            return resource[(integration + 3)..];
        }

        int function = resource.IndexOf(":function:", StringComparison.Ordinal);
        return function >= 0 ? "lambda:" + resource[(function + 10)..] : resource;
    }
}
