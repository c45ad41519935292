using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// A Choice data-test: Variable compared with a literal or (…Path) another path, or a type test.
/// Comparing values of the wrong type is false, as in AWS; a Variable that does not exist is a
/// States.Runtime error except for IsPresent.
/// </summary>
internal sealed partial class DataTestRule : ChoiceRule
{
    private readonly JsonPath variable;
    private readonly string op;
    private readonly JsonNode? operand;
    private readonly JsonPath? operandPath;

    private DataTestRule(JsonPath variable, string op, JsonNode? operand, JsonPath? operandPath)
    {
        this.variable = variable;
        this.op = op;
        this.operand = operand;
        this.operandPath = operandPath;
    }

    public static DataTestRule? Parse(FieldReader reader, JsonPath variable, string op)
    {
        var value = reader.Raw(op);
        if (op.EndsWith("Path", StringComparison.Ordinal))
        {
            var path = reader.RequiredPath(op);
            return path is null ? null : new DataTestRule(variable, op[..^4], null, path);
        }

        var valid = op switch
        {
            _ when op.StartsWith("Is", StringComparison.Ordinal) => JsonValues.TryGetBoolean(value, out _),
            _ when op.StartsWith("String", StringComparison.Ordinal) => JsonValues.TryGetString(value, out _),
            _ when op.StartsWith("Numeric", StringComparison.Ordinal) => JsonValues.TryGetNumber(value, out _),
            "BooleanEquals" => JsonValues.TryGetBoolean(value, out _),
            _ => JsonValues.TryGetString(value, out var text) && TryParseTimestamp(text, out _),
        };
        if (!valid)
        {
            reader.Error(op, $"The value for the field '{op}' has the wrong type");
            return null;
        }

        return new DataTestRule(variable, op, value, null);
    }

    public override bool Evaluate(JsonNode? input, IStateContext run)
    {
        var found = variable.TrySelect(input, run.Roots, out var value);
        if (op == "IsPresent")
        {
            return found == Expected();
        }

        if (!found)
        {
            throw new StateErrorException(
                StatesErrors.Runtime,
                $"Invalid path '{variable.Text}': The choice state's condition path references an invalid value.");
        }

        var expected = operand;
        if (operandPath is not null && !operandPath.TrySelect(input, run.Roots, out expected))
        {
            throw new StateErrorException(
                StatesErrors.Runtime,
                $"Invalid path '{operandPath.Text}': The choice state's condition path references an invalid value.");
        }

        return op switch
        {
            "IsNull" => (value is null) == Expected(),
            "IsNumeric" => JsonValues.TryGetNumber(value, out _) == Expected(),
            "IsString" => JsonValues.TryGetString(value, out _) == Expected(),
            "IsBoolean" => JsonValues.TryGetBoolean(value, out _) == Expected(),
            "IsTimestamp" => (JsonValues.TryGetString(value, out var s) && TryParseTimestamp(s, out _)) == Expected(),
            "StringMatches" => JsonValues.TryGetString(value, out var text) && Glob.Matches(text, operand!.GetValue<string>()),
            "BooleanEquals" => JsonValues.TryGetBoolean(value, out var a) && JsonValues.TryGetBoolean(expected, out var b) && a == b,
            _ when op.StartsWith("String", StringComparison.Ordinal) =>
                JsonValues.TryGetString(value, out var x) && JsonValues.TryGetString(expected, out var y)
                && Compare(string.CompareOrdinal(x, y), op["String".Length..]),
            _ when op.StartsWith("Numeric", StringComparison.Ordinal) =>
                JsonValues.TryGetNumber(value, out var m) && JsonValues.TryGetNumber(expected, out var n)
                && Compare(m.CompareTo(n), op["Numeric".Length..]),
            _ => JsonValues.TryGetString(value, out var t1) && JsonValues.TryGetString(expected, out var t2)
                && TryParseTimestamp(t1, out var d1) && TryParseTimestamp(t2, out var d2)
                && Compare(d1.CompareTo(d2), op["Timestamp".Length..]),
        };
    }

    /// <summary>RFC 3339 as AWS requires: uppercase T, and Z or a numeric offset.</summary>
    internal static bool TryParseTimestamp(string text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        return TimestampPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    private bool Expected() => operand!.GetValue<bool>();

    private static bool Compare(int order, string relation) => relation switch
    {
        "Equals" => order == 0,
        "LessThan" => order < 0,
        "GreaterThan" => order > 0,
        "LessThanEquals" => order <= 0,
        _ => order >= 0,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimestampPattern();
}
