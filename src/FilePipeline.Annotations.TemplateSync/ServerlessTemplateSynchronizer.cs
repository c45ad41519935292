using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Annotations.TemplateSync;

/// <summary>
/// Lambda Annotations' template synchronisation, on our generator's fragment: function resources
/// marked <c>Metadata.Tool = FilePipeline.Annotations</c> (or missing) get the properties and events
/// the attributes describe; everything else is kept; a marked function no attribute describes is
/// removed; events and event properties written before and no longer described are removed too
/// (tracked in <c>Metadata.SyncedEvents</c>/<c>SyncedEventProperties</c>).
/// </summary>
public static class ServerlessTemplateSynchronizer
{
    public const string Tool = "FilePipeline.Annotations";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        // Keep the template's characters as written (→, quotes, +); it is a UTF-8 file, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>The template text with the fragment applied; equal to <paramref name="templateText"/> when nothing changed.</returns>
    /// <exception cref="JsonException">The template or the fragment is not a JSON object.</exception>
    public static string Synchronize(string templateText, string fragmentText)
    {
        var template = Parse(templateText, "The template");
        var fragment = Parse(fragmentText, "The fragment");
        var resources = Child(template, "Resources");
        var parameters = template["Parameters"] as JsonObject ?? [];
        var described = (fragment["Resources"] as JsonObject ?? []).ToList();
        foreach (var (name, function) in described)
        {
            if (resources[name] is JsonObject existing && !IsManaged(existing))
            {
                continue;
            }

            var resource = resources[name] as JsonObject ?? NewFunction(resources, name);
            ApplyFunction(resource, (JsonObject)function!, parameters);
        }

        foreach (var orphan in resources.Where(r => r.Value is JsonObject resource && IsManaged(resource) && described.All(d => d.Key != r.Key)).Select(r => r.Key).ToList())
        {
            resources.Remove(orphan);
        }

        // Unchanged content keeps the file's own text, whatever its formatting.
        return JsonNode.DeepEquals(JsonNode.Parse(templateText), template) ? templateText : template.ToJsonString(Output) + "\n";
    }

    private static JsonObject Parse(string text, string what) =>
        JsonNode.Parse(text) as JsonObject ?? throw new JsonException($"{what} is not a JSON object.");

    private static bool IsManaged(JsonObject resource) => (string?)resource["Metadata"]?["Tool"] == Tool;

    /// <summary>Lambda Annotations' defaults for a function it creates; the template's Globals supply the rest.</summary>
    private static JsonObject NewFunction(JsonObject resources, string name)
    {
        var resource = new JsonObject
        {
            ["Type"] = "AWS::Serverless::Function",
            ["Metadata"] = new JsonObject { ["Tool"] = Tool },
            ["Properties"] = new JsonObject
            {
                ["MemorySize"] = 512,
                ["Timeout"] = 30,
                ["Policies"] = new JsonArray("AWSLambdaBasicExecutionRole"),
            },
        };
        resources[name] = resource;
        return resource;
    }

    private static void ApplyFunction(JsonObject resource, JsonObject function, JsonObject parameters)
    {
        var metadata = Child(resource, "Metadata");
        metadata["Tool"] = Tool;
        var properties = Child(resource, "Properties");
        var described = function["Properties"] as JsonObject ?? [];
        foreach (var (path, value) in Leaves(described, "").Where(leaf => !leaf.Path.StartsWith("Events.", StringComparison.Ordinal)))
        {
            Set(properties, path, Resolve(value, parameters));
        }

        // Role and Policies exclude each other: the one the attribute sets wins.
        if (described.ContainsKey("Role"))
        {
            properties.Remove("Policies");
        }
        else if (described.ContainsKey("Policies"))
        {
            properties.Remove("Role");
        }

        ApplyEvents(metadata, properties, described["Events"] as JsonObject ?? [], parameters);
    }

    private static void ApplyEvents(JsonObject metadata, JsonObject properties, JsonObject described, JsonObject parameters)
    {
        var synced = new JsonObject();
        foreach (var (name, source) in described)
        {
            var entry = Child(Child(properties, "Events"), name);
            Set(entry, "Type", source!["Type"]!.DeepClone());
            var paths = new JsonArray();
            foreach (var (path, value) in Leaves(source["Properties"] as JsonObject ?? [], ""))
            {
                Set(Child(entry, "Properties"), path, Resolve(value, parameters));
                paths.Add(path);
            }

            synced[name] = paths;
        }

        var events = properties["Events"] as JsonObject;
        var previous = metadata["SyncedEventProperties"] as JsonObject ?? [];
        foreach (var name in (metadata["SyncedEvents"] as JsonArray ?? []).Select(n => (string?)n).Where(n => n is not null && !synced.ContainsKey(n)))
        {
            events?.Remove(name!);
        }

        foreach (var (name, paths) in previous.Where(p => synced.ContainsKey(p.Key)))
        {
            var current = ((JsonArray)synced[name]!).Select(p => (string?)p).ToHashSet(StringComparer.Ordinal);
            foreach (var path in (paths as JsonArray ?? []).Select(p => (string?)p).Where(p => p is not null && !current.Contains(p) && !current.Any(c => c!.StartsWith(p + ".", StringComparison.Ordinal))))
            {
                Remove(events![name]!["Properties"] as JsonObject, path!);
            }
        }

        if (events is { Count: 0 })
        {
            properties.Remove("Events");
        }

        SetOrRemove(metadata, "SyncedEvents", synced.Count > 0 ? new JsonArray([.. synced.Select(s => (JsonNode?)s.Key)]) : null);
        SetOrRemove(metadata, "SyncedEventProperties", synced.Count > 0 ? synced : null);
    }

    /// <summary>The values under <paramref name="node"/> by dotted path; intrinsic functions (Ref, Fn::…) and arrays are values, not objects to descend into.</summary>
    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix + name;
            if (value is JsonObject child && !IsIntrinsic(child))
            {
                foreach (var leaf in Leaves(child, path + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return (path, value);
            }
        }
    }

    private static bool IsIntrinsic(JsonObject node) =>
        node.Count == 1 && node.Single().Key is var key && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal));

    /// <summary>A <c>Fn::GetAtt [X, Arn]</c> of a template parameter X becomes <c>Ref X</c>: a parameter has no attributes.</summary>
    private static JsonNode? Resolve(JsonNode? value, JsonObject parameters) =>
        value is JsonObject { Count: 1 } node && node["Fn::GetAtt"] is JsonArray { Count: 2 } getAtt && (string?)getAtt[0] is { } target && parameters.ContainsKey(target)
            ? new JsonObject { ["Ref"] = target }
            : value?.DeepClone();

    /// <summary>Sets the value in place (keeping the key's position), creating the objects on the way; an equal value is left untouched.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var names = path.Split('.');
        var node = root;
        foreach (var name in names[..^1])
        {
            node = Child(node, name);
        }

        if (!node.TryGetPropertyValue(names[^1], out var existing) || !JsonNode.DeepEquals(existing, value))
        {
            node[names[^1]] = value;
        }
    }

    /// <summary>Removes the value at the path and the objects it leaves empty.</summary>
    private static void Remove(JsonObject? root, string path)
    {
        var names = path.Split('.');
        var chain = new List<JsonObject>();
        var node = root;
        foreach (var name in names[..^1])
        {
            if (node is null)
            {
                return;
            }

            chain.Add(node);
            node = node[name] as JsonObject;
        }

        node?.Remove(names[^1]);
        for (var i = chain.Count - 1; i >= 0 && node is { Count: 0 }; i--)
        {
            chain[i].Remove(names[i]);
            node = chain[i];
        }
    }

    private static void SetOrRemove(JsonObject node, string name, JsonNode? value)
    {
        if (value is null)
        {
            node.Remove(name);
        }
        else
        {
            Set(node, name, value);
        }
    }

    private static JsonObject Child(JsonObject node, string name)
    {
        if (node[name] is JsonObject child)
        {
            return child;
        }

        child = [];
        node[name] = child;
        return child;
    }
}
