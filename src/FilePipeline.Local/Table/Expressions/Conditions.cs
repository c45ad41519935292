using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>A parsed ConditionExpression or FilterExpression, evaluated against an item (empty when absent).</summary>
internal abstract record Condition
{
    public abstract bool IsTrue(JsonObject item);
}

internal sealed record AndCondition(Condition Left, Condition Right) : Condition
{
    public override bool IsTrue(JsonObject item) => Left.IsTrue(item) && Right.IsTrue(item);
}

internal sealed record OrCondition(Condition Left, Condition Right) : Condition
{
    public override bool IsTrue(JsonObject item) => Left.IsTrue(item) || Right.IsTrue(item);
}

internal sealed record NotCondition(Condition Inner) : Condition
{
    public override bool IsTrue(JsonObject item) => !Inner.IsTrue(item);
}

/// <summary>
/// <c>= &lt;&gt; &lt; &lt;= &gt; &gt;=</c>. Values of different types are never equal and never ordered;
/// a missing operand makes every comparison false except <c>&lt;&gt;</c>, which is then true.
/// </summary>
internal sealed record ComparisonCondition(Operand Left, string Operator, Operand Right) : Condition
{
    public override bool IsTrue(JsonObject item)
    {
        var left = Left.Evaluate(item);
        var right = Right.Evaluate(item);
        if (Operator == "<>")
        {
            return left is null || right is null || !AttributeValues.AreEqual(left, right);
        }

        if (left is null || right is null)
        {
            return false;
        }

        if (Operator == "=")
        {
            return AttributeValues.AreEqual(left, right);
        }

        return AttributeValues.Compare(left, right) is { } order && Operator switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            _ => order >= 0,
        };
    }
}

internal sealed record BetweenCondition(Operand Value, Operand Lower, Operand Upper) : Condition
{
    public override bool IsTrue(JsonObject item) =>
        Value.Evaluate(item) is { } value
        && Lower.Evaluate(item) is { } lower
        && Upper.Evaluate(item) is { } upper
        && AttributeValues.Compare(lower, value) <= 0
        && AttributeValues.Compare(value, upper) <= 0;
}

internal sealed record InCondition(Operand Value, IReadOnlyList<Operand> Candidates) : Condition
{
    public override bool IsTrue(JsonObject item) =>
        Value.Evaluate(item) is { } value
        && Candidates.Any(candidate => candidate.Evaluate(item) is { } other && AttributeValues.AreEqual(value, other));
}

internal sealed record AttributeExistsCondition(DocumentPath Path, bool ShouldExist) : Condition
{
    public override bool IsTrue(JsonObject item) => (Documents.Get(item, Path) is not null) == ShouldExist;
}

internal sealed record AttributeTypeCondition(DocumentPath Path, string Type) : Condition
{
    public override bool IsTrue(JsonObject item) =>
        Documents.Get(item, Path) is { } value && AttributeValues.TypeOf(value) == Type;
}

internal sealed record BeginsWithCondition(Operand Value, Operand Prefix) : Condition
{
    public override bool IsTrue(JsonObject item)
    {
        if (Value.Evaluate(item) is not { } value || Prefix.Evaluate(item) is not { } prefix)
        {
            return false;
        }

        return (AttributeValues.TypeOf(value), AttributeValues.TypeOf(prefix)) switch
        {
            (AttributeValues.String, AttributeValues.String) =>
                Encoding.UTF8.GetBytes(AttributeValues.AsString(value)).AsSpan().StartsWith(Encoding.UTF8.GetBytes(AttributeValues.AsString(prefix))),
            (AttributeValues.Binary, AttributeValues.Binary) =>
                AttributeValues.AsBytes(value).AsSpan().StartsWith(AttributeValues.AsBytes(prefix)),
            _ => false,
        };
    }
}

/// <summary><c>contains(path, operand)</c>: a substring of a string, a member of a set, or an element of a list.</summary>
internal sealed record ContainsCondition(Operand Value, Operand Operand) : Condition
{
    public override bool IsTrue(JsonObject item)
    {
        if (Value.Evaluate(item) is not { } value || Operand.Evaluate(item) is not { } operand)
        {
            return false;
        }

        var type = AttributeValues.TypeOf(value);
        var operandType = AttributeValues.TypeOf(operand);
        if (type == AttributeValues.String)
        {
            return operandType == AttributeValues.String
                && AttributeValues.AsString(value).Contains(AttributeValues.AsString(operand), StringComparison.Ordinal);
        }

        if (AttributeValues.IsSet(type))
        {
            return operandType == AttributeValues.ElementTypeOf(type)
                && AttributeValues.SetElements(value).Any(element => AttributeValues.AreEqual(element, operand));
        }

        return type == AttributeValues.List
            && AttributeValues.Elements(value).Any(element => AttributeValues.AreEqual(element!.AsObject(), operand));
    }
}
