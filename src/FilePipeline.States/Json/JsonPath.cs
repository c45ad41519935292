using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>
/// A parsed JSONPath in the subset Step Functions accepts: <c>$</c> or <c>$$</c> root, dot and
/// bracket children, array indexes, wildcards, unions, slices, deep scan and filters.
/// A definite path selects one node; an indefinite one selects an array of matches (Jayway semantics).
/// </summary>
internal sealed class JsonPath
{
    private readonly PathSegment[] segments;

    private JsonPath(string text, bool isContext, string? variable, PathSegment[] segments)
    {
        Text = text;
        IsContext = isContext;
        Variable = variable;
        this.segments = segments;
        IsDefinite = segments.All(s => s.IsDefinite);
    }

    public string Text { get; }

    /// <summary>True for <c>$$</c> paths, which select from the context object.</summary>
    public bool IsContext { get; }

    /// <summary>The variable name of a <c>$name…</c> path, which selects from that variable's value.</summary>
    public string? Variable { get; }

    public bool IsDefinite { get; }

    /// <summary>True for a Reference Path: only names and indexes, so it can address where to write.</summary>
    public bool IsReferencePath => segments.All(s => s is NameSegment or IndexSegment { Index: >= 0 });

    /// <summary>True for a Reference Path into the input itself (ResultPath): not the context object or a variable.</summary>
    public bool IsWritable => IsReferencePath && !IsContext && Variable is null;

    /// <summary>The name of a path into one field of the input itself (<c>$.name</c>), else null.</summary>
    public string? TopLevelName => segments is [NameSegment segment] && !IsContext && Variable is null ? segment.Name : null;

    /// <summary>True for <c>$</c> itself: the whole input.</summary>
    public bool IsRoot => segments.Length == 0 && !IsContext && Variable is null;

    public static JsonPath Parse(string text)
    {
        var parser = new JsonPathParser(text);
        var (isContext, variable, segments) = parser.ParsePath();
        return new JsonPath(text, isContext, variable, segments);
    }

    public static bool TryParse(string text, out JsonPath? path, out string? error)
    {
        try
        {
            path = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            path = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Selects from the root this path names: <paramref name="input"/> for <c>$</c>, the context
    /// object for <c>$$</c>, a variable's value for <c>$name</c> (false when it is not defined).
    /// </summary>
    public bool TrySelect(JsonNode? input, PathRoots roots, out JsonNode? result)
    {
        if (Variable is not null)
        {
            if (!roots.Variables.TryGet(Variable, out var value))
            {
                result = null;
                return false;
            }

            return TrySelect(value, out result);
        }

        return TrySelect(IsContext ? roots.Context() : input, out result);
    }

    /// <summary>
    /// Why a definite path found nothing, in AWS's (Jayway's) words: a missing last step is
    /// "No results for path: $['a']['b']", a missing step before it "Missing property in path $['a']".
    /// </summary>
    public string DescribeMiss(JsonNode? input, PathRoots roots)
    {
        var prefix = IsContext ? "$$" : "$" + Variable;
        var whole = prefix + string.Concat(segments.Select(s => s.ToString()));
        JsonNode? node = null;
        if (Variable is null)
        {
            node = IsContext ? roots.Context() : input;
        }
        else if (!roots.Variables.TryGet(Variable, out node))
        {
            return $"No results for path: {whole}";
        }

        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (!segments[i].IsDefinite || !segments[i].TrySelectOne(node, out node))
            {
                return segments[i].IsDefinite ? $"Missing property in path {prefix}{string.Concat(segments.Take(i + 1).Select(s => s.ToString()))}" : $"No results for path: {whole}";
            }
        }

        return $"No results for path: {whole}";
    }

    /// <summary>
    /// Selects from <paramref name="root"/>. Returns false when a definite path matches nothing.
    /// The result may be a node still attached to <paramref name="root"/>; callers clone before reuse.
    /// </summary>
    public bool TrySelect(JsonNode? root, out JsonNode? result)
    {
        if (IsDefinite)
        {
            var node = root;
            foreach (var segment in segments)
            {
                if (!segment.TrySelectOne(node, out node))
                {
                    result = null;
                    return false;
                }
            }

            result = node;
            return true;
        }

        List<JsonNode?> current = [root];
        List<JsonNode?> next = [];
        foreach (var segment in segments)
        {
            next.Clear();
            foreach (var node in current)
            {
                segment.SelectAll(node, root, next);
            }

            (current, next) = (next, current);
        }

        var array = new JsonArray();
        foreach (var node in current)
        {
            array.Add(node?.DeepClone());
        }

        result = array;
        return true;
    }

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="target"/> at this reference path,
    /// creating missing objects on the way (ResultPath semantics). Returns the new root.
    /// </summary>
    public JsonNode? SetIn(JsonNode? target, JsonNode? value)
    {
        if (segments.Length == 0)
        {
            return value;
        }

        if (target is not JsonObject and not JsonArray)
        {
            throw new InvalidOperationException("the input is not a JSON object");
        }

        var node = target;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (segments[i], node)
            {
                case (NameSegment name, JsonObject obj):
                    if (last)
                    {
                        obj[name.Name] = value;
                        return target;
                    }

                    if (!obj.TryGetPropertyValue(name.Name, out var child) || child is not (JsonObject or JsonArray))
                    {
                        if (child is not null)
                        {
                            throw new InvalidOperationException($"the field '{name.Name}' is not a JSON object");
                        }

                        child = new JsonObject();
                        obj[name.Name] = child;
                    }

                    node = child;
                    break;
                case (IndexSegment index, JsonArray array) when index.Index < array.Count:
                    if (last)
                    {
                        array[index.Index] = value;
                        return target;
                    }

                    node = array[index.Index];
                    break;
                default:
                    throw new InvalidOperationException($"cannot apply '{segments[i]}' to a {Describe(node)}");
            }
        }

        return target;
    }

    public override string ToString() => Text;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "JSON object",
        JsonArray => "JSON array",
        _ => "JSON value",
    };
}
