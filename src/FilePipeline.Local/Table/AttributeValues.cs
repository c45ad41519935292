using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>
/// DynamoDB's typed attribute values as they travel on the wire (<c>{"S":"x"}</c>, <c>{"N":"12"}</c>, …):
/// type tags, accessors, and the equality and ordering rules DynamoDB applies to them; validation
/// of incoming values is in AttributeValues.Validation, item size in AttributeValues.Size.
/// </summary>
internal static partial class AttributeValues
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
}
