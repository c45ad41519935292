using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>The predicate of a <c>[?( … )]</c> filter: comparisons of <c>@</c>/<c>$</c> paths and literals.</summary>
internal abstract class FilterExpression
{
    public abstract bool Matches(JsonNode? current, JsonNode? root);
}

internal sealed class OrFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => left.Matches(current, root) || right.Matches(current, root);
}

internal sealed class AndFilter(FilterExpression left, FilterExpression right) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => left.Matches(current, root) && right.Matches(current, root);
}

internal sealed class NotFilter(FilterExpression inner) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => !inner.Matches(current, root);
}

/// <summary><c>@.field</c> alone: true when the path exists.</summary>
internal sealed class ExistsFilter(FilterOperand operand) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root) => operand.TryEvaluate(current, root, out _);
}

internal sealed class ComparisonFilter(FilterOperand left, string op, FilterOperand right) : FilterExpression
{
    public override bool Matches(JsonNode? current, JsonNode? root)
    {
        if (!left.TryEvaluate(current, root, out var a) || !right.TryEvaluate(current, root, out var b))
        {
            return false;
        }

        if (op is "==" or "!=")
        {
            return JsonNode.DeepEquals(a, b) == (op == "==");
        }

        int? order = (a, b) switch
        {
            (JsonValue x, JsonValue y) when JsonValues.TryGetNumber(x, out var m) && JsonValues.TryGetNumber(y, out var n) => m.CompareTo(n),
            (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String
                => string.CompareOrdinal(x.GetValue<string>(), y.GetValue<string>()),
            _ => null,
        };
        return order switch
        {
            null => false,
            var o => op switch
            {
                "<" => o < 0,
                "<=" => o <= 0,
                ">" => o > 0,
                ">=" => o >= 0,
                _ => false,
            },
        };
    }
}

/// <summary>A value in a filter: a relative (<c>@</c>) or absolute (<c>$</c>) path, or a literal.</summary>
internal sealed class FilterOperand
{
    private readonly JsonPath? path;
    private readonly bool relative;
    private readonly JsonNode? literal;

    private FilterOperand(JsonPath? path, bool relative, JsonNode? literal)
    {
        this.path = path;
        this.relative = relative;
        this.literal = literal;
    }

    public static FilterOperand ForPath(JsonPath path, bool relative) => new(path, relative, null);

    public static FilterOperand ForLiteral(JsonNode? literal) => new(null, false, literal);

    public bool TryEvaluate(JsonNode? current, JsonNode? root, out JsonNode? value)
    {
        if (path is null)
        {
            value = literal;
            return true;
        }

        return path.TrySelect(relative ? current : root, out value);
    }
}
