using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>A Boolean expression of a Choice state: And/Or/Not or a data-test on a Variable.</summary>
internal abstract class ChoiceRule
{
    public abstract bool Evaluate(JsonNode? input, IStateContext run);

    private static readonly string[] Operators =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
    ];

    private static readonly string[] TypeTests = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"];

    /// <summary>Parses a rule; <paramref name="topLevel"/> rules carry Next, nested ones must not.</summary>
    public static ChoiceRule? Parse(FieldReader reader, bool topLevel)
    {
        _ = reader.Has("Comment");
        if (topLevel)
        {
            reader.String("Next", required: true);
        }
        else if (reader.Has("Next"))
        {
            reader.Error("Next", "Nested Choice rules must not have 'Next'");
        }

        var rule = ParseExpression(reader);
        reader.RejectUnknownFields("a Choice rule");
        return rule;
    }

    private static ChoiceRule? ParseExpression(FieldReader reader)
    {
        if (reader.Has("And") || reader.Has("Or"))
        {
            var isAnd = reader.Has("And");
            var field = isAnd ? "And" : "Or";
            var array = reader.Array(field);
            if (array is null || array.Count == 0)
            {
                reader.Error(field, $"'{field}' must be a non-empty ARRAY of rules");
                return null;
            }

            var rules = array.Select((node, i) => ParseNested(reader, $"{field}/{i}", node)).ToList();
            return rules.Any(r => r is null) ? null : new CompositeRule(isAnd, rules!);
        }

        if (reader.Has("Not"))
        {
            var inner = ParseNested(reader, "Not", reader.Raw("Not"));
            return inner is null ? null : new NotRule(inner);
        }

        var variable = reader.RequiredPath("Variable");
        var present = Operators.SelectMany(op => new[] { op, op + "Path" }).Append("StringMatches").Concat(TypeTests)
            .Where(reader.Has).ToList();
        if (!reader.Has("Variable"))
        {
            reader.Error("", "A Choice rule must have 'Variable' or be an And/Or/Not rule", "SCHEMA_VALIDATION_FAILED");
            return null;
        }

        if (present.Count != 1)
        {
            reader.Error("", present.Count == 0
                ? "A Choice rule must have exactly one comparison operator"
                : $"A Choice rule must have exactly one comparison operator, found {string.Join(", ", present)}");
            return null;
        }

        return variable is null ? null : DataTestRule.Parse(reader, variable, present[0]);
    }

    private static ChoiceRule? ParseNested(FieldReader parent, string field, JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            parent.Error(field, "A Choice rule must be an OBJECT");
            return null;
        }

        return Parse(new FieldReader(obj, $"{parent.Location}/{field}", parent.Errors), topLevel: false);
    }
}

internal sealed class CompositeRule(bool isAnd, IReadOnlyList<ChoiceRule> rules) : ChoiceRule
{
    public override bool Evaluate(JsonNode? input, IStateContext run) =>
        isAnd ? rules.All(r => r.Evaluate(input, run)) : rules.Any(r => r.Evaluate(input, run));
}

internal sealed class NotRule(ChoiceRule inner) : ChoiceRule
{
    public override bool Evaluate(JsonNode? input, IStateContext run) => !inner.Evaluate(input, run);
}
