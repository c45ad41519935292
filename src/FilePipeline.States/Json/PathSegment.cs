using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>One step of a JSONPath; definite steps select at most one node.</summary>
internal abstract class PathSegment
{
    public virtual bool IsDefinite => false;

    public virtual bool TrySelectOne(JsonNode? node, out JsonNode? result)
    {
        throw new InvalidOperationException("indefinite segment used as definite");
    }

    public abstract void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results);
}

internal sealed class NameSegment(string name) : PathSegment
{
    public string Name { get; } = name;

    public override bool IsDefinite => true;

    public override bool TrySelectOne(JsonNode? node, out JsonNode? result)
    {
        result = null;
        return node is JsonObject obj && obj.TryGetPropertyValue(Name, out result);
    }

    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        if (TrySelectOne(node, out var result))
        {
            results.Add(result);
        }
    }

    public override string ToString() => $"['{Name}']";
}

internal sealed class IndexSegment(int index) : PathSegment
{
    public int Index { get; } = index;

    public override bool IsDefinite => true;

    public override bool TrySelectOne(JsonNode? node, out JsonNode? result)
    {
        result = null;
        if (node is not JsonArray array)
        {
            return false;
        }

        var i = Index < 0 ? array.Count + Index : Index;
        if (i < 0 || i >= array.Count)
        {
            return false;
        }

        result = array[i];
        return true;
    }

    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        if (TrySelectOne(node, out var result))
        {
            results.Add(result);
        }
    }

    public override string ToString() => $"[{Index}]";
}

internal sealed class WildcardSegment : PathSegment
{
    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    results.Add(value);
                }

                break;
            case JsonArray array:
                results.AddRange(array);
                break;
        }
    }

    public override string ToString() => "[*]";
}

internal sealed class UnionSegment(IReadOnlyList<PathSegment> members) : PathSegment
{
    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        foreach (var member in members)
        {
            member.SelectAll(node, root, results);
        }
    }

    public override string ToString() => $"[{string.Join(',', members)}]";
}

internal sealed class SliceSegment(int? start, int? end, int step) : PathSegment
{
    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        if (node is not JsonArray array || step <= 0)
        {
            return;
        }

        var count = array.Count;
        var from = Clamp(start ?? 0, count);
        var to = Clamp(end ?? count, count);
        for (var i = from; i < to; i += step)
        {
            results.Add(array[i]);
        }
    }

    public override string ToString() => $"[{start}:{end}:{step}]";

    private static int Clamp(int index, int count) => Math.Clamp(index < 0 ? count + index : index, 0, count);
}

/// <summary><c>..name</c> or <c>..*</c>: the step applied to the node and every descendant.</summary>
internal sealed class DeepScanSegment(PathSegment inner) : PathSegment
{
    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        inner.SelectAll(node, root, results);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    SelectAll(value, root, results);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    SelectAll(value, root, results);
                }

                break;
        }
    }

    public override string ToString() => $"..{inner}";
}

internal sealed class FilterSegment(FilterExpression filter) : PathSegment
{
    public override void SelectAll(JsonNode? node, JsonNode? root, List<JsonNode?> results)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (filter.Matches(item, root))
                    {
                        results.Add(item);
                    }
                }

                break;
            case JsonObject obj when filter.Matches(obj, root):
                results.Add(obj);
                break;
        }
    }

    public override string ToString() => "[?(...)]";
}
