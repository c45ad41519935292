using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>Incoming values checked the way DynamoDB checks them, with DynamoDB's messages, and normalized.</summary>
internal static partial class AttributeValues
{
    /// <summary>
    /// Checks one incoming value the way DynamoDB does and returns a detached copy with numbers
    /// in canonical form, so stored items compare and print as DynamoDB's do.
    /// </summary>
    public static JsonObject Normalize(JsonNode? node)
    {
        if (node is not JsonObject value || value.Count == 0)
        {
            throw DynamoDbErrors.Invalid("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }

        if (value.Count > 1)
        {
            throw DynamoDbErrors.Invalid("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }

        var (type, content) = value.First();
        return type switch
        {
            String => new JsonObject { [type] = RequireString(content) },
            Number => NumberValue(DynamoNumber.Parse(RequireString(content))),
            Binary => new JsonObject { [type] = RequireBase64(content) },
            Bool => new JsonObject { [type] = RequireBool(content) },
            Null => RequireTrue(content),
            Map => new JsonObject { [type] = NormalizeMap(content) },
            List => new JsonObject { [type] = new JsonArray([.. RequireArray(content).Select(Normalize)]) },
            StringSet or NumberSet or BinarySet => NormalizeSet(type, RequireArray(content)),
            _ => throw DynamoDbErrors.Invalid($"Supplied AttributeValue has an unsupported datatype: {type}"),
        };
    }

    /// <summary>Normalizes every attribute of an item (or key).</summary>
    public static JsonObject NormalizeItem(JsonNode? node, string parameter)
    {
        if (node is not JsonObject item)
        {
            throw DynamoDbErrors.Invalid($"1 validation error detected: Value null at '{parameter}' failed to satisfy constraint: Member must not be null");
        }

        var normalized = new JsonObject();
        foreach (var (name, value) in item)
        {
            normalized[name] = Normalize(value);
        }

        return normalized;
    }

    private static JsonObject NormalizeMap(JsonNode? content)
    {
        if (content is not JsonObject map)
        {
            throw DynamoDbErrors.Invalid("Supplied AttributeValue has an invalid M value");
        }

        var normalized = new JsonObject();
        foreach (var (name, element) in map)
        {
            normalized[name] = Normalize(element);
        }

        return normalized;
    }

    private static JsonObject NormalizeSet(string type, JsonArray content)
    {
        if (content.Count == 0)
        {
            var kind = type switch { StringSet => "string", NumberSet => "number", _ => "binary" };
            throw DynamoDbErrors.Invalid($"One or more parameter values were invalid: An {kind} set  may not be empty");
        }

        var elementType = ElementTypeOf(type);
        var elements = content.Select(element => Normalize(new JsonObject { [elementType] = element?.DeepClone() })).ToList();
        for (var i = 0; i < elements.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (AreEqual(elements[i], elements[j]))
                {
                    var shown = string.Join(", ", content.Select(element => element?.ToString()));
                    throw DynamoDbErrors.Invalid($"One or more parameter values were invalid: Input collection [{shown}] contains duplicates");
                }
            }
        }

        return SetOf(type, elements)!;
    }

    private static string RequireString(JsonNode? content) =>
        content is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw DynamoDbErrors.Invalid("Supplied AttributeValue has an invalid value: a string was expected");

    private static string RequireBase64(JsonNode? content)
    {
        var text = RequireString(content);
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var length)
            ? Convert.ToBase64String(buffer, 0, length)
            : throw DynamoDbErrors.Invalid("Supplied AttributeValue has an invalid B value: not Base64 encoded");
    }

    private static bool RequireBool(JsonNode? content) =>
        content is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw DynamoDbErrors.Invalid("Supplied AttributeValue has an invalid BOOL value");

    private static JsonObject RequireTrue(JsonNode? content) =>
        content is JsonValue value && value.GetValueKind() == JsonValueKind.True
            ? new JsonObject { [Null] = true }
            : throw DynamoDbErrors.Invalid("One or more parameter values were invalid: Null attribute value types must have the value of true");

    private static JsonArray RequireArray(JsonNode? content) =>
        content as JsonArray ?? throw DynamoDbErrors.Invalid("Supplied AttributeValue has an invalid collection value");
}
