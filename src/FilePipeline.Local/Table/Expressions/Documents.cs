using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>Reads and writes through document paths inside an item (a map of attribute name → typed value).</summary>
internal static class Documents
{
    /// <summary>The value at <paramref name="path"/>, or null when any step is missing or of the wrong shape.</summary>
    public static JsonObject? Get(JsonObject item, DocumentPath path)
    {
        var current = item[path.TopLevelName] as JsonObject;
        foreach (var element in path.Elements.Skip(1))
        {
            current = current is null ? null : Child(current, element);
        }

        return current;
    }

    /// <summary>Writes a value; a list index past the end appends. The parent must exist.</summary>
    public static void Set(JsonObject item, DocumentPath path, JsonObject value)
    {
        if (path.Elements.Count == 1)
        {
            item[path.TopLevelName] = value;
            return;
        }

        var parent = Parent(item, path) ?? throw DynamoDbErrors.InvalidUpdatePath();
        var last = path.Elements[^1];
        if (last.IsIndex && AttributeValues.TypeOf(parent) == AttributeValues.List)
        {
            var list = AttributeValues.Elements(parent);
            if (last.Index < list.Count)
            {
                list[last.Index] = value;
            }
            else
            {
                list.Add((JsonNode)value);
            }
        }
        else if (!last.IsIndex && AttributeValues.TypeOf(parent) == AttributeValues.Map)
        {
            AttributeValues.MapEntries(parent)[last.Name!] = value;
        }
        else
        {
            throw DynamoDbErrors.InvalidUpdatePath();
        }
    }

    /// <summary>Removes a value if it is there; a missing parent of a nested path is an invalid update.</summary>
    public static void Remove(JsonObject item, DocumentPath path)
    {
        if (path.Elements.Count == 1)
        {
            item.Remove(path.TopLevelName);
            return;
        }

        var parent = Parent(item, path) ?? throw DynamoDbErrors.InvalidUpdatePath();
        var last = path.Elements[^1];
        if (last.IsIndex && AttributeValues.TypeOf(parent) == AttributeValues.List)
        {
            var list = AttributeValues.Elements(parent);
            if (last.Index < list.Count)
            {
                list.RemoveAt(last.Index);
            }
        }
        else if (!last.IsIndex && AttributeValues.TypeOf(parent) == AttributeValues.Map)
        {
            AttributeValues.MapEntries(parent).Remove(last.Name!);
        }
        else
        {
            throw DynamoDbErrors.InvalidUpdatePath();
        }
    }

    private static JsonObject? Parent(JsonObject item, DocumentPath path) =>
        Get(item, new DocumentPath([.. path.Elements.Take(path.Elements.Count - 1)]));

    private static JsonObject? Child(JsonObject value, PathElement element)
    {
        var type = AttributeValues.TypeOf(value);
        if (element.IsIndex && type == AttributeValues.List)
        {
            var list = AttributeValues.Elements(value);
            return element.Index < list.Count ? list[element.Index] as JsonObject : null;
        }

        return !element.IsIndex && type == AttributeValues.Map
            ? AttributeValues.MapEntries(value)[element.Name!] as JsonObject
            : null;
    }
}
