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
    private readonly JsonNode? operand;
    private readonly JsonPath? operandPath;

    // The operator split once (NumericLessThan → Numeric, LessThan), so evaluating a rule compares no strings.
    private readonly Test test;
    private readonly Relation relation;

    private DataTestRule(JsonPath variable, string op, JsonNode? operand, JsonPath? operandPath)
    {
        this.variable = variable;
        this.operand = operand;
        this.operandPath = operandPath;
        (test, relation) = Split(op);
    }

    private enum Test
    {
        IsPresent,
        IsNull,
        IsNumeric,
        IsString,
        IsBoolean,
        IsTimestamp,
        StringMatches,
        BooleanEquals,
        String,
        Numeric,
        Timestamp,
    }

    private enum Relation
    {
        Equals,
        LessThan,
        GreaterThan,
        LessThanEquals,
        GreaterThanEquals,
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
        if (test == Test.IsPresent)
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

        return test switch
        {
            Test.IsNull => (value is null) == Expected(),
            Test.IsNumeric => JsonValues.TryGetNumber(value, out _) == Expected(),
            Test.IsString => JsonValues.TryGetString(value, out _) == Expected(),
            Test.IsBoolean => JsonValues.TryGetBoolean(value, out _) == Expected(),
            Test.IsTimestamp => (JsonValues.TryGetString(value, out var s) && TryParseTimestamp(s, out _)) == Expected(),
            Test.StringMatches => JsonValues.TryGetString(value, out var text) && Glob.Matches(text, operand!.GetValue<string>()),
            Test.BooleanEquals => JsonValues.TryGetBoolean(value, out var a) && JsonValues.TryGetBoolean(expected, out var b) && a == b,
            Test.String => JsonValues.TryGetString(value, out var x) && JsonValues.TryGetString(expected, out var y)
                && Compare(string.CompareOrdinal(x, y)),
            Test.Numeric => JsonValues.TryGetNumber(value, out var m) && JsonValues.TryGetNumber(expected, out var n)
                && Compare(m.CompareTo(n)),
            _ => JsonValues.TryGetString(value, out var t1) && JsonValues.TryGetString(expected, out var t2)
                && TryParseTimestamp(t1, out var d1) && TryParseTimestamp(t2, out var d2)
                && Compare(d1.CompareTo(d2)),
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

    private bool Compare(int order) => relation switch
    {
        Relation.Equals => order == 0,
        Relation.LessThan => order < 0,
        Relation.GreaterThan => order > 0,
        Relation.LessThanEquals => order <= 0,
        _ => order >= 0,
    };

    /// <summary>An operator name (without its Path suffix) as the test it makes and, for comparisons, the relation.</summary>
    private static (Test Test, Relation Relation) Split(string op)
    {
        foreach (var (prefix, comparison) in new[] { ("String", Test.String), ("Numeric", Test.Numeric), ("Timestamp", Test.Timestamp) })
        {
            if (op.StartsWith(prefix, StringComparison.Ordinal) && op != "StringMatches")
            {
                return (comparison, Enum.Parse<Relation>(op[prefix.Length..]));
            }
        }

        return (Enum.Parse<Test>(op), Relation.Equals);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex TimestampPattern();
}
