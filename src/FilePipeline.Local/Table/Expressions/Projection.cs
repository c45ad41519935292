using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>
/// A ProjectionExpression (or the paths an update touched): copies only those paths out of an item,
/// keeping the document structure around them; selected list elements come back compacted in index order.
/// </summary>
internal sealed class Projection
{
    private readonly Node root = new();

    public Projection(IEnumerable<DocumentPath> paths)
    {
        foreach (var path in paths)
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                node = node.Children.TryGetValue(element, out var child) ? child : node.Children[element] = new Node();
            }

            node.Whole = true;
        }
    }

    public JsonObject Apply(JsonObject item)
    {
        var result = new JsonObject();
        foreach (var (element, child) in root.Children)
        {
            if (item[element.Name!] is JsonObject value && Extract(value, child) is { } projected)
            {
                result[element.Name!] = projected;
            }
        }

        return result;
    }

    private static JsonObject? Extract(JsonObject value, Node node)
    {
        if (node.Whole)
        {
            return value.DeepClone().AsObject();
        }

        var type = AttributeValues.TypeOf(value);
        if (type == AttributeValues.Map)
        {
            var entries = AttributeValues.MapEntries(value);
            var map = new JsonObject();
            foreach (var (element, child) in node.Children.Where(pair => !pair.Key.IsIndex))
            {
                if (entries[element.Name!] is JsonObject entry && Extract(entry, child) is { } projected)
                {
                    map[element.Name!] = projected;
                }
            }

            return map.Count == 0 ? null : new JsonObject { [AttributeValues.Map] = map };
        }

        if (type == AttributeValues.List)
        {
            var elements = AttributeValues.Elements(value);
            var list = new JsonArray();
            foreach (var (element, child) in node.Children.Where(pair => pair.Key.IsIndex).OrderBy(pair => pair.Key.Index))
            {
                if (element.Index < elements.Count && Extract(elements[element.Index]!.AsObject(), child) is { } projected)
                {
                    list.Add((JsonNode)projected);
                }
            }

            return list.Count == 0 ? null : new JsonObject { [AttributeValues.List] = list };
        }

        return null;
    }

    private sealed class Node
    {
        public bool Whole { get; set; }

        public Dictionary<PathElement, Node> Children { get; } = [];
    }
}
