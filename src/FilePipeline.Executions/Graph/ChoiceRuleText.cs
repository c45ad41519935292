using System.Text.Json.Nodes;

namespace FilePipeline.Executions.Graph;

/// <summary>Writes a Choice rule as a short readable condition, for edge labels.</summary>
internal static class ChoiceRuleText
{
    private static readonly (string Suffix, string Operator)[] Comparisons =
    [
        ("GreaterThanEquals", ">="),
        ("LessThanEquals", "<="),
        ("GreaterThan", ">"),
        ("LessThan", "<"),
        ("Equals", "=="),
        ("Matches", "matches"),
    ];

    public static string Describe(JsonObject rule)
    {
        if (rule["Condition"] is JsonValue condition)
        {
            return condition.ToString(); // JSONata: the condition is already an expression.
        }

        if (rule["And"] is JsonArray all)
        {
            return string.Join(" and ", all.OfType<JsonObject>().Select(Describe));
        }

        if (rule["Or"] is JsonArray any)
        {
            return string.Join(" or ", any.OfType<JsonObject>().Select(Describe));
        }

        if (rule["Not"] is JsonObject negated)
        {
            return "not (" + Describe(negated) + ")";
        }

        string variable = rule["Variable"]?.ToString() ?? "?";
        foreach ((string key, JsonNode? value) in rule)
        {
            if (key is "Variable" or "Next")
            {
                continue;
            }

            return variable + " " + Comparison(key, value);
        }

        return variable;
    }

    private static string Comparison(string key, JsonNode? value)
    {
        bool isPath = key.EndsWith("Path", StringComparison.Ordinal);
        string test = isPath ? key[..^4] : key;
        string operand = isPath ? value?.ToString() ?? "" : value?.ToJsonString() ?? "null";
        switch (test)
        {
            case "IsPresent" or "IsNull" or "IsString" or "IsNumeric" or "IsBoolean" or "IsTimestamp":
                return (value?.GetValue<bool>() ?? false ? "is " : "is not ") + test[2..].ToLowerInvariant();
        }

        foreach ((string suffix, string op) in Comparisons)
        {
            if (test.EndsWith(suffix, StringComparison.Ordinal))
            {
                return op + " " + operand;
            }
        }

        return test + " " + operand;
    }
}
