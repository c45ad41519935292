using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>
/// DynamoDB's typed attribute values as they travel on the wire (<c>{"S":"x"}</c>, <c>{"N":"12"}</c>, …):
/// validation and normalization of incoming values, and the equality, ordering and size rules
/// DynamoDB applies to them.
/// </summary>
internal static class AttributeValues
{
    public const string String = "S";
    public const string Number = "N";
    public const string Binary = "B";
    public const string Bool = "BOOL";
    public const string Null = "NULL";
    public const string Map = "M";
    public const string List = "L";
    public const string StringSet = "SS";
    public const string NumberSet = "NS";
    public const string BinarySet = "BS";

    public static readonly IReadOnlyList<string> TypeNames = [String, Number, Binary, Bool, Null, Map, List, StringSet, NumberSet, BinarySet];

    /// <summary>The type tag of a value already validated by <see cref="Normalize"/>.</summary>
    public static string TypeOf(JsonObject value) => value.First().Key;

    public static bool IsSet(string type) => type is StringSet or NumberSet or BinarySet;

    public static string ElementTypeOf(string setType) => setType[..1];

    public static JsonObject NumberValue(DynamoNumber number) => new() { [Number] = number.ToString() };

    public static string AsString(JsonObject value) => value[String]!.GetValue<string>();

    public static DynamoNumber AsNumber(JsonObject value) => DynamoNumber.Parse(value[Number]!.GetValue<string>());

    public static byte[] AsBytes(JsonObject value) => Convert.FromBase64String(value[Binary]!.GetValue<string>());

    public static JsonArray Elements(JsonObject value) => value[TypeOf(value)]!.AsArray();

    public static JsonObject MapEntries(JsonObject value) => value[Map]!.AsObject();

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

    /// <summary>DynamoDB equality: same type and same value; sets regardless of order; numbers as decimals.</summary>
    public static bool AreEqual(JsonObject left, JsonObject right)
    {
        var type = TypeOf(left);
        if (type != TypeOf(right))
        {
            return false;
        }

        switch (type)
        {
            case Number:
                return AsNumber(left).CompareTo(AsNumber(right)) == 0;
            case Binary:
                return AsBytes(left).AsSpan().SequenceEqual(AsBytes(right));
            case List:
                var leftItems = Elements(left);
                var rightItems = Elements(right);
                return leftItems.Count == rightItems.Count
                    && leftItems.Zip(rightItems).All(pair => AreEqual(pair.First!.AsObject(), pair.Second!.AsObject()));
            case Map:
                var leftMap = MapEntries(left);
                var rightMap = MapEntries(right);
                return leftMap.Count == rightMap.Count
                    && leftMap.All(entry => rightMap[entry.Key] is JsonObject other && AreEqual(entry.Value!.AsObject(), other));
            case StringSet or NumberSet or BinarySet:
                var leftSet = SetElements(left);
                var rightSet = SetElements(right);
                return leftSet.Count == rightSet.Count && leftSet.All(element => rightSet.Any(other => AreEqual(element, other)));
            default:
                return JsonNode.DeepEquals(left, right);
        }
    }

    /// <summary>DynamoDB ordering for S (UTF-8 bytes), N (decimal) and B (bytes); null when the two are not comparable.</summary>
    public static int? Compare(JsonObject left, JsonObject right)
    {
        var type = TypeOf(left);
        if (type != TypeOf(right))
        {
            return null;
        }

        return type switch
        {
            String => Encoding.UTF8.GetBytes(AsString(left)).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(AsString(right))),
            Number => AsNumber(left).CompareTo(AsNumber(right)),
            Binary => AsBytes(left).AsSpan().SequenceCompareTo(AsBytes(right)),
            _ => null,
        };
    }

    /// <summary>The elements of a set, each as a scalar attribute value.</summary>
    public static List<JsonObject> SetElements(JsonObject set)
    {
        var elementType = ElementTypeOf(TypeOf(set));
        return [.. Elements(set).Select(element => new JsonObject { [elementType] = element!.GetValue<string>() })];
    }

    /// <summary>Builds a set value from scalar elements; null when there are none (DynamoDB has no empty sets).</summary>
    public static JsonObject? SetOf(string setType, IEnumerable<JsonObject> elements)
    {
        var elementType = ElementTypeOf(setType);
        var array = new JsonArray([.. elements.Select(element => (JsonNode?)element[elementType]!.GetValue<string>())]);
        return array.Count == 0 ? null : new JsonObject { [setType] = array };
    }

    /// <summary>DynamoDB's item size: attribute name bytes plus value bytes, as counted against the 400 KB limit.</summary>
    public static long ItemSize(JsonObject item) =>
        item.Sum(attribute => Encoding.UTF8.GetByteCount(attribute.Key) + ValueSize(attribute.Value!.AsObject()));

    public static long ValueSize(JsonObject value)
    {
        var type = TypeOf(value);
        return type switch
        {
            String => Encoding.UTF8.GetByteCount(AsString(value)),
            Number => NumberSize(AsNumber(value)),
            Binary => AsBytes(value).Length,
            Bool or Null => 1,
            // A document costs 3 bytes plus 1 per element besides its contents.
            List => 3 + Elements(value).Sum(element => 1 + ValueSize(element!.AsObject())),
            Map => 3 + MapEntries(value).Sum(entry => 1 + Encoding.UTF8.GetByteCount(entry.Key) + ValueSize(entry.Value!.AsObject())),
            _ => SetElements(value).Sum(ValueSize),
        };
    }

    /// <summary>The DynamoDB type name used in "incorrect operand type" messages.</summary>
    public static string OperandTypeName(string type) => type switch
    {
        String => "STRING",
        Number => "NUMBER",
        Binary => "BINARY",
        Bool => "BOOLEAN",
        Null => "NULL",
        Map => "MAP",
        List => "LIST",
        _ => type,
    };

    private static long NumberSize(DynamoNumber number) => ((number.SignificantDigits + 1) / 2) + 1;

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
