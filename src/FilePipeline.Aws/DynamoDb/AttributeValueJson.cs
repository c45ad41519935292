using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace FilePipeline.Aws.DynamoDb;

/// <summary>
/// Converts between DynamoDB's typed JSON (<c>{"S":"x"}</c>, <c>{"N":"1"}</c>, … — the wire format
/// and the shape of the state machine's task Parameters) and the SDK's <see cref="AttributeValue"/>.
/// </summary>
public static class AttributeValueJson
{
    public static Dictionary<string, AttributeValue> ToItem(JsonObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.ToDictionary(p => p.Key, p => ToAttributeValue(p.Value as JsonObject ?? throw Invalid(p.Key)), StringComparer.Ordinal);
    }

    public static JsonObject ToJson(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var json = new JsonObject();
        foreach (var (name, value) in item.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json[name] = ToJson(value);
        }

        return json;
    }

    public static AttributeValue ToAttributeValue(JsonObject typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (typed.Count != 1)
        {
            throw new FormatException($"A DynamoDB attribute value has exactly one type key; got {typed.ToJsonString()}.");
        }

        var (type, value) = typed.First();
        return type switch
        {
            "S" => new AttributeValue { S = Text(value, type) },
            "N" => new AttributeValue { N = Text(value, type) },
            "B" => new AttributeValue { B = new MemoryStream(Convert.FromBase64String(Text(value, type))) },
            "BOOL" => new AttributeValue { BOOL = value?.GetValue<bool>() ?? throw Invalid(type) },
            "NULL" => new AttributeValue { NULL = true },
            "SS" => new AttributeValue { SS = Texts(value, type) },
            "NS" => new AttributeValue { NS = Texts(value, type) },
            "BS" => new AttributeValue { BS = [.. Texts(value, type).Select(b => new MemoryStream(Convert.FromBase64String(b)))] },
            "L" => new AttributeValue { L = [.. (value as JsonArray ?? throw Invalid(type)).Select(e => ToAttributeValue(e as JsonObject ?? throw Invalid(type)))] },
            "M" => new AttributeValue { M = ToItem(value as JsonObject ?? throw Invalid(type)) },
            _ => throw new FormatException($"Unknown DynamoDB attribute type '{type}'."),
        };
    }

    public static JsonObject ToJson(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.S is not null)
        {
            return new JsonObject { ["S"] = value.S };
        }

        if (value.N is not null)
        {
            return new JsonObject { ["N"] = value.N };
        }

        if (value.B is not null)
        {
            return new JsonObject { ["B"] = Convert.ToBase64String(value.B.ToArray()) };
        }

        if (value.IsBOOLSet)
        {
            return new JsonObject { ["BOOL"] = value.BOOL };
        }

        if (value.NULL == true)
        {
            return new JsonObject { ["NULL"] = true };
        }

        if (value.IsSSSet)
        {
            return new JsonObject { ["SS"] = new JsonArray([.. value.SS.Select(s => JsonValue.Create(s))]) };
        }

        if (value.IsNSSet)
        {
            return new JsonObject { ["NS"] = new JsonArray([.. value.NS.Select(s => JsonValue.Create(s))]) };
        }

        if (value.IsBSSet)
        {
            return new JsonObject { ["BS"] = new JsonArray([.. value.BS.Select(b => JsonValue.Create(Convert.ToBase64String(b.ToArray())))]) };
        }

        if (value.IsLSet)
        {
            return new JsonObject { ["L"] = new JsonArray([.. value.L.Select(ToJson)]) };
        }

        if (value.IsMSet)
        {
            return new JsonObject { ["M"] = ToJson(value.M) };
        }

        throw new FormatException("The attribute value has no type set.");
    }

    private static string Text(JsonNode? value, string type) => value?.GetValue<string>() ?? throw Invalid(type);

    private static List<string> Texts(JsonNode? value, string type) =>
        [.. (value as JsonArray ?? throw Invalid(type)).Select(e => e?.GetValue<string>() ?? throw Invalid(type))];

    private static FormatException Invalid(string what) => new($"Invalid DynamoDB typed JSON at '{what}'.");
}
