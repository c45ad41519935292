using System.Text.Json.Nodes;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// Checks CloudFormation resources against AWS's resource specification: every property is one
/// the type has, every required one is present, nested objects and lists recursively, primitive
/// values of the right kind. An intrinsic function (Ref, Fn::*) stands for any value.
/// </summary>
internal sealed class ResourceSpecification(JsonObject specification)
{
    public bool HasResourceType(string type) => specification["ResourceTypes"]?[type] is not null;

    /// <returns>One sentence per problem; empty when the resource matches the specification.</returns>
    public List<string> Check(string logicalId, string type, JsonObject properties)
    {
        var problems = new List<string>();
        CheckObject(logicalId, type, specification["ResourceTypes"]![type]!["Properties"]!.AsObject(), properties, problems);
        return problems;
    }

    private void CheckObject(string where, string resourceType, JsonObject specified, JsonObject value, List<string> problems)
    {
        foreach (var (name, property) in value)
        {
            if (specified[name] is not JsonObject specification)
            {
                problems.Add($"{where}.{name} is not a property of {resourceType}'s {where.Split('.')[^1]}.");
                continue;
            }

            CheckValue($"{where}.{name}", resourceType, specification, property, problems);
        }

        problems.AddRange(specified
            .Where(p => (bool?)p.Value!["Required"] == true && !value.ContainsKey(p.Key))
            .Select(p => $"{where}.{p.Key} is required."));
    }

    private void CheckValue(string where, string resourceType, JsonObject specification, JsonNode? value, List<string> problems)
    {
        if (IsIntrinsic(value))
        {
            return;
        }

        var type = (string?)specification["Type"];
        if (type is "List" or "Map")
        {
            IEnumerable<JsonNode?>? items = type == "List" ? (value as JsonArray)?.ToList() : (value as JsonObject)?.Select(p => p.Value);
            if (items is null)
            {
                problems.Add($"{where} should be a {type}.");
                return;
            }

            var item = new JsonObject { ["Type"] = specification["ItemType"]?.DeepClone(), ["PrimitiveType"] = specification["PrimitiveItemType"]?.DeepClone() };
            foreach (var element in items)
            {
                CheckValue(where, resourceType, item, element, problems);
            }
        }
        else if (type is not null)
        {
            var nested = PropertyType(resourceType, type);
            if (value is not JsonObject obj)
            {
                problems.Add($"{where} should be an object ({type}).");
            }
            else if (nested is not null)
            {
                CheckObject(where, resourceType, nested, obj, problems);
            }
        }
        else if ((string?)specification["PrimitiveType"] is { } primitive && !IsPrimitive(primitive, value))
        {
            problems.Add($"{where} should be a {primitive}, not {value?.ToJsonString()}.");
        }
    }

    private JsonObject? PropertyType(string resourceType, string name) =>
        (specification["PropertyTypes"]?[$"{resourceType}.{name}"] ?? specification["PropertyTypes"]?[name])?["Properties"]?.AsObject();

    private static bool IsIntrinsic(JsonNode? value) =>
        value is JsonObject { Count: 1 } call && call.Single().Key is var key && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal));

    private static bool IsPrimitive(string primitive, JsonNode? value) => primitive switch
    {
        "String" => value is JsonValue text && text.TryGetValue<string>(out _),
        "Integer" or "Long" or "Double" => value is JsonValue number && (number.TryGetValue<double>(out _) || (number.TryGetValue<string>(out var s) && double.TryParse(s, out _))),
        "Boolean" => value is JsonValue flag && (flag.TryGetValue<bool>(out _) || (flag.TryGetValue<string>(out var s) && bool.TryParse(s, out _))),
        "Json" => value is JsonObject,
        _ => true,
    };
}
