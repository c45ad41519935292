using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics.Parsing;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>The evaluated arguments of one call, with typed accessors that fail the way AWS does.</summary>
internal sealed class IntrinsicArguments(IntrinsicSignature signature, IReadOnlyList<IntrinsicExpression> expressions, JsonNode?[] values)
{
    public int Count => values.Length;

    public JsonNode? this[int index] => values[index];

    public string String(int index) => values[index]!.GetValue<string>();

    public JsonArray Array(int index) => values[index]!.AsArray();

    public JsonObject Object(int index) => values[index]!.AsObject();

    public bool Boolean(int index) => values[index]!.GetValue<bool>();

    /// <summary>A number that must already be a whole number (array indexes).</summary>
    public long Integer(int index)
    {
        var number = Number(index);
        return IsWhole(number) ? (long)number : throw Failure($"argument {index + 1} must be an integer, but was {Describe(index)}");
    }

    /// <summary>A number rounded to the nearest integer, as AWS does for sizes, ranges and sums (half rounds up, like Java's Math.round).</summary>
    public long RoundedInteger(int index)
    {
        var rounded = Math.Floor(Number(index) + 0.5);
        return IsWhole(rounded) ? (long)rounded : throw Failure($"argument {index + 1} is out of range: {Describe(index)}");
    }

    /// <summary>
    /// The text and placeholder positions of a <c>States.Format</c> template. A literal keeps the
    /// positions of its unescaped <c>{}</c>; a string from a path has a placeholder at every <c>{}</c>.
    /// </summary>
    public (string Text, IReadOnlyList<int> Placeholders) Template(int index)
    {
        var text = String(index);
        if (expressions[index] is StringLiteralExpression literal)
        {
            return (text, literal.PlaceholderOffsets);
        }

        var placeholders = new List<int>();
        for (var at = text.IndexOf("{}", StringComparison.Ordinal); at >= 0; at = text.IndexOf("{}", at + 2, StringComparison.Ordinal))
        {
            placeholders.Add(at);
        }

        return (text, placeholders);
    }

    public IntrinsicFailureException Failure(string reason) => new($"{signature.Name}: {reason}.");

    public void CheckTypes()
    {
        for (var i = 0; i < values.Length; i++)
        {
            var allowed = signature.TypesOf(i);
            if ((allowed & TypeOf(values[i])) == 0)
            {
                throw Failure($"argument {i + 1} must be {DescribeTypes(allowed)}, but was {Describe(i)}");
            }
        }
    }

    /// <summary>A short rendering of an argument for error messages.</summary>
    public string Describe(int index)
    {
        var text = values[index]?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    // CheckTypes let only numbers through. Parsed ones read as double and those built in code (another
    // intrinsic's int or long) convert directly, without a serialize-and-parse per argument.
    private double Number(int index) => values[index] switch
    {
        JsonValue value when value.TryGetValue(out double number) => number,
        JsonValue value when value.TryGetValue(out long whole) => whole,
        JsonValue value when value.TryGetValue(out int small) => small,
        var other => double.Parse(other!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static bool IsWhole(double number) =>
        double.IsFinite(number) && Math.Floor(number) == number && Math.Abs(number) < 9.2e18;

    private static IntrinsicArgumentTypes TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => IntrinsicArgumentTypes.Null,
        JsonValueKind.String => IntrinsicArgumentTypes.String,
        JsonValueKind.Number => IntrinsicArgumentTypes.Number,
        JsonValueKind.True or JsonValueKind.False => IntrinsicArgumentTypes.Boolean,
        JsonValueKind.Array => IntrinsicArgumentTypes.Array,
        JsonValueKind.Object => IntrinsicArgumentTypes.Object,
        _ => IntrinsicArgumentTypes.None,
    };

    private static string DescribeTypes(IntrinsicArgumentTypes types) =>
        string.Join(" or ", Enum.GetValues<IntrinsicArgumentTypes>()
            .Where(t => t is not (IntrinsicArgumentTypes.None or IntrinsicArgumentTypes.Any) && types.HasFlag(t))
            .Select(t => t switch
            {
                IntrinsicArgumentTypes.Array => "an array",
                IntrinsicArgumentTypes.Object => "an object",
                IntrinsicArgumentTypes.Null => "null",
                _ => "a " + t.ToString().ToLowerInvariant(),
            }));
}
