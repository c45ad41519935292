using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// Moves values between <see cref="JsonNode"/> and the evaluator's representation, and renders them
/// as JavaScript would (<c>JSON.stringify</c>, <c>Number.prototype.toString</c>), since JSONata's
/// string results must match the reference implementation character for character.
/// </summary>
internal static class Json
{
    /// <summary>
    /// Converts a JSON node by writing it out and reading the bytes back: a parsed node that has not been
    /// navigated yet writes straight from its backing document, which is several times cheaper than
    /// walking (and so materialising) the node tree.
    /// </summary>
    public static object? FromNode(JsonNode? node)
    {
        if (node is null)
        {
            return JNull.Value;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan, new JsonReaderOptions { MaxDepth = 1000 });
        reader.Read();
        return Read(ref reader);
    }

    private static object? Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    reader.Read();
                    obj[key] = Read(ref reader);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new JArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Read(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                return JNull.Value;
        }
    }

    /// <summary>The value as a JSON node; functions become undefined (as JSON.stringify drops them) and Infinity/NaN are D1001.</summary>
    public static JsonataResult ToResult(object? value) => value switch
    {
        null or JFunction => JsonataResult.Undefined,
        _ => JsonataResult.Of(ToNode(value)),
    };

    public static object? FromResult(JsonataResult result) => result.IsUndefined ? null : FromNode(result.Value);

    public static JsonNode? ToNode(object? value)
    {
        switch (value)
        {
            case null or JNull:
                return null;
            case string s:
                return JsonValue.Create(s);
            case double d:
                return double.IsFinite(d) ? JsonValue.Create(d) : throw Errors.Create("D1001", value: FormatNumber(d));
            case bool b:
                return JsonValue.Create(b);
            case JArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    items.Add(item is JFunction ? null : ToNode(item));
                }

                return items;
            case JObject obj:
                var result = new JsonObject();
                foreach (var (key, item) in obj)
                {
                    if (item is not (null or JFunction))
                    {
                        result[key] = ToNode(item);
                    }
                }

                return result;
            case JTuple tuple:
                return ToNode(tuple.Context);
            default:
                return null;
        }
    }

    /// <summary>JSON.stringify with JSONata's replacer: numbers to 15 significant digits, functions as "".</summary>
    public static string Stringify(object? value, bool pretty)
    {
        var builder = new StringBuilder();
        Write(builder, value, pretty, 0);
        return builder.ToString();
    }

    /// <summary>A value as it appears in an error message.</summary>
    public static string ToDisplayString(object? value) => value switch
    {
        null => "undefined",
        string s => s,
        _ => Stringify(value, pretty: false),
    };

    private static void Write(StringBuilder builder, object? value, bool pretty, int indent)
    {
        switch (value)
        {
            case null or JNull:
                builder.Append("null");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case double d:
                builder.Append(FormatNumber(double.IsFinite(d) ? RoundTo15(d) : throw Errors.Create("D1001", value: FormatNumber(d))));
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case JFunction:
                builder.Append("\"\"");
                break;
            case JArray array:
                WriteArray(builder, array, pretty, indent);
                break;
            case JObject obj:
                WriteObject(builder, obj, pretty, indent);
                break;
            case JTuple tuple:
                Write(builder, tuple.Context, pretty, indent);
                break;
        }
    }

    private static void WriteArray(StringBuilder builder, JArray array, bool pretty, int indent)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            NewLine(builder, pretty, indent + 1);
            Write(builder, array[i] ?? JNull.Value, pretty, indent + 1);
        }

        NewLine(builder, pretty, indent);
        builder.Append(']');
    }

    private static void WriteObject(StringBuilder builder, JObject obj, bool pretty, int indent)
    {
        var first = true;
        builder.Append('{');
        foreach (var (key, item) in obj)
        {
            if (item is null)
            {
                continue;
            }

            if (!first)
            {
                builder.Append(',');
            }

            first = false;
            NewLine(builder, pretty, indent + 1);
            WriteString(builder, key);
            builder.Append(pretty ? ": " : ":");
            Write(builder, item, pretty, indent + 1);
        }

        if (!first)
        {
            NewLine(builder, pretty, indent);
        }

        builder.Append('}');
    }

    private static void NewLine(StringBuilder builder, bool pretty, int indent)
    {
        if (pretty)
        {
            builder.Append('\n').Append(' ', indent * 2);
        }
    }

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    // Integers are written exactly; other numbers to 15 significant digits (so 0.1 + 0.2 shows as 0.3).
    public static double RoundTo15(double value) => value == Math.Floor(value) ? value :
        double.Parse(value.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>JavaScript's Number.prototype.toString(): shortest round-trip digits, exponent outside 1e-7..1e21.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var digits = point >= 0 ? text.Remove(point, 1) : text;
        var n = (point >= 0 ? point : text.Length) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.TrimStart('0');
        n -= leading;
        digits = digits.TrimEnd('0');
        var k = digits.Length;
        var result = new StringBuilder(negative ? "-" : string.Empty);
        if (k <= n && n <= 21)
        {
            result.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            result.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            result.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            var exp = n - 1;
            result.Append(digits[0]);
            if (k > 1)
            {
                result.Append('.').Append(digits, 1, k - 1);
            }

            result.Append('e').Append(exp >= 0 ? '+' : '-').Append(Math.Abs(exp).ToString(CultureInfo.InvariantCulture));
        }

        return result.ToString();
    }

    /// <summary>JSONata's deep equality: primitives by value, arrays item by item, objects key by key, functions by identity.</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        switch (a, b)
        {
            case (double x, double y):
                return x == y;
            case (string x, string y):
                return x == y;
            case (bool x, bool y):
                return x == y;
            case (JArray x, JArray y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!DeepEquals(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JObject x, JObject y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var (key, value) in x)
                {
                    if (!y.TryGetValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ReferenceEquals(a, b);
        }
    }
}
