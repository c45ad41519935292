using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>DynamoDB's item size rules, as counted against the 400 KB item limit.</summary>
internal static partial class AttributeValues
{
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

    private static long NumberSize(DynamoNumber number) => ((number.SignificantDigits + 1) / 2) + 1;
}
