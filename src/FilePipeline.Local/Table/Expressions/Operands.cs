using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>Something a condition compares: an attribute path, a placeholder value, or <c>size(path)</c>.</summary>
internal abstract record Operand
{
    /// <summary>The operand's value in <paramref name="item"/>, or null when it does not exist there.</summary>
    public abstract JsonObject? Evaluate(JsonObject item);
}

internal sealed record PathOperand(DocumentPath Path) : Operand
{
    public override JsonObject? Evaluate(JsonObject item) => Documents.Get(item, Path);
}

internal sealed record ValueOperand(JsonObject Value) : Operand
{
    public override JsonObject? Evaluate(JsonObject item) => Value;
}

/// <summary><c>size(path)</c>: characters of a string, bytes of a binary, elements of a set, list or map.</summary>
internal sealed record SizeOperand(DocumentPath Path) : Operand
{
    public override JsonObject? Evaluate(JsonObject item)
    {
        if (Documents.Get(item, Path) is not { } value)
        {
            return null;
        }

        long? size = AttributeValues.TypeOf(value) switch
        {
            AttributeValues.String => AttributeValues.AsString(value).Length,
            AttributeValues.Binary => AttributeValues.AsBytes(value).Length,
            AttributeValues.Map => AttributeValues.MapEntries(value).Count,
            AttributeValues.List or AttributeValues.StringSet or AttributeValues.NumberSet or AttributeValues.BinarySet => AttributeValues.Elements(value).Count,
            _ => null,
        };
        return size is { } count ? AttributeValues.NumberValue(DynamoNumber.FromInt64(count)) : null;
    }
}
