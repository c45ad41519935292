using System.Collections.Frozen;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// The standard function library, registered by name with the reference implementation's signatures
/// (so arguments are checked, defaulted from the context and wrapped into arrays the same way).
/// Groups of functions live in the partial files beside this one.
/// </summary>
internal static partial class Builtins
{
    private static readonly FrozenDictionary<string, NativeFunction> Functions = Register().ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public static NativeFunction? Find(string name) => Functions.GetValueOrDefault(name);

    private static IEnumerable<NativeFunction> Register()
    {
        // Aggregation
        yield return Define("sum", "<a<n>:n>", Sum);
        yield return Define("count", "<a:n>", Count);
        yield return Define("max", "<a<n>:n>", (_, a) => Extreme(a[0], max: true));
        yield return Define("min", "<a<n>:n>", (_, a) => Extreme(a[0], max: false));
        yield return Define("average", "<a<n>:n>", Average);

        // Strings
        yield return Define("string", "<x-b?:s>", (_, a) => StringFunction(a[0], a.Count > 1 && a[1] is true), arity: 1);
        yield return Define("substring", "<s-nn?:s>", Substring);
        yield return Define("substringBefore", "<s-s:s>", SubstringBefore);
        yield return Define("substringAfter", "<s-s:s>", SubstringAfter);
        yield return Define("lowercase", "<s-:s>", (_, a) => (a[0] as string)?.ToLowerInvariant());
        yield return Define("uppercase", "<s-:s>", (_, a) => (a[0] as string)?.ToUpperInvariant());
        yield return Define("length", "<s-:n>", (_, a) => a[0] is string s ? (double)CodePoints(s).Length : null);
        yield return Define("trim", "<s-:s>", (_, a) => a[0] is string s ? Trim(s) : null);
        yield return Define("pad", "<s-ns?:s>", Pad);
        yield return Define("match", "<s-f<s:o>n?:a<o>>", Match);
        yield return Define("contains", "<s-(sf):b>", Contains);
        yield return Define("replace", "<s-(sf)(sf)n?:s>", Replace);
        yield return Define("split", "<s-(sf)n?:a<s>>", Split);
        yield return Define("join", "<a<s>s?:s>", Join);
        yield return Define("formatNumber", "<n-so?:s>", FormatNumber);
        yield return Define("formatBase", "<n-n?:s>", FormatBase);
        yield return Define("formatInteger", "<n-s:s>", FormatInteger);
        yield return Define("parseInteger", "<s-s:n>", ParseInteger);
        yield return Define("base64encode", "<s-:s>", Base64Encode);
        yield return Define("base64decode", "<s-:s>", Base64Decode);
        yield return Define("encodeUrlComponent", "<s-:s>", (c, a) => EncodeUri(c, a[0], component: true));
        yield return Define("encodeUrl", "<s-:s>", (c, a) => EncodeUri(c, a[0], component: false));
        yield return Define("decodeUrlComponent", "<s-:s>", (c, a) => DecodeUri(c, a[0], component: true));
        yield return Define("decodeUrl", "<s-:s>", (c, a) => DecodeUri(c, a[0], component: false));

        // Numbers
        yield return Define("number", "<(nsb)-:n>", (_, a) => ToNumber(a[0]));
        yield return Define("floor", "<n-:n>", (_, a) => a[0] is double d ? Math.Floor(d) : null);
        yield return Define("ceil", "<n-:n>", (_, a) => a[0] is double d ? Math.Ceiling(d) : null);
        yield return Define("round", "<n-n?:n>", Round);
        yield return Define("abs", "<n-:n>", (_, a) => a[0] is double d ? Math.Abs(d) : null);
        yield return Define("sqrt", "<n-:n>", Sqrt);
        yield return Define("power", "<n-n:n>", Power);
        yield return Define("random", "<:n>", (_, _) => Random.Shared.NextDouble());

        // Booleans
        yield return Define("boolean", "<x-:b>", (_, a) => ToBoolean(a[0]));
        yield return Define("not", "<x-:b>", (_, a) => a[0] is null ? null : ToBoolean(a[0]) != true);
        yield return Define("exists", "<x:b>", (_, a) => a[0] is not null);

        // Higher-order
        yield return Define("map", "<af>", Map);
        yield return Define("zip", "<a+>", Zip);
        yield return Define("filter", "<af>", Filter);
        yield return Define("single", "<af?>", Single);
        yield return Define("reduce", "<afj?:j>", Reduce);
        yield return Define("sift", "<o-f?:o>", Sift);
        yield return Define("each", "<o-f:a>", Each);

        // Objects and arrays
        yield return Define("keys", "<x-:a<s>>", (_, a) => Keys(a[0]));
        yield return Define("lookup", "<x-s:x>", (_, a) => Evaluator.Lookup(a[0], (string)a[1]!));
        yield return Define("append", "<xx:a>", (_, a) => Append(a[0], a[1]));
        yield return Define("spread", "<x-:a<o>>", (_, a) => Spread(a[0]));
        yield return Define("merge", "<a<o>:o>", Merge);
        yield return Define("reverse", "<a:a>", Reverse);
        yield return Define("error", "<s?:x>", (_, a) => throw Errors.Create("D3137", value: a[0] as string ?? "$error() function evaluated"));
        yield return Define("assert", "<bs?:x>", Assert);
        yield return Define("type", "<x:s>", (_, a) => TypeOf(a[0]));
        yield return Define("sort", "<af?:a>", Sort);
        yield return Define("shuffle", "<a:a>", Shuffle);
        yield return Define("distinct", "<x:x>", (_, a) => Distinct(a[0]));
        yield return Define("clone", "<(oa)-:o>", (_, a) => Clone(a[0]));
        yield return Define("eval", "<sx?:x>", Eval);

        // Date and time
        yield return Define("now", "<s?s?:s>", Now);
        yield return Define("millis", "<:n>", (c, _) => (double)c.Evaluator.Now.ToUnixTimeMilliseconds());
        yield return Define("toMillis", "<s-s?:n>", ToMillis);
        yield return Define("fromMillis", "<n-s?s?:s>", FromMillis);
    }

    /// <summary>Defines a function; its arity (what higher-order functions pass it) is its signature's parameter count.</summary>
    /// <remarks>$string declares one: its second parameter is optional in the reference too.</remarks>
    public static NativeFunction Define(string name, string signature, Func<CallContext, List<object?>, object?> implementation, int? arity = null)
    {
        var parsed = Signature.Parse(signature);
        return new NativeFunction(name, parsed, arity ?? parsed.ParameterCount, implementation);
    }

    /// <summary>JSONata's effective boolean value; undefined stays undefined.</summary>
    public static bool? ToBoolean(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case bool b:
                return b;
            case string s:
                return s.Length > 0;
            case double d:
                return d != 0 && !double.IsNaN(d);
            case JArray array:
                if (array.Count == 1)
                {
                    return ToBoolean(array[0]) == true;
                }

                foreach (var item in array)
                {
                    if (ToBoolean(item) == true)
                    {
                        return true;
                    }
                }

                return false;
            case JObject obj:
                return obj.Count > 0;
            default:
                return false;
        }
    }

    /// <summary>Concatenates two values into an array (either may be undefined, a value or an array).</summary>
    public static object? Append(object? first, object? second)
    {
        if (first is null)
        {
            return second;
        }

        if (second is null)
        {
            return first;
        }

        var result = first is JArray a ? new JArray(a) : new JArray { first };
        if (second is JArray b)
        {
            result.AddRange(b);
        }
        else
        {
            result.Add(second);
        }

        return result;
    }

    /// <summary>The string form used by <c>&amp;</c>: undefined is the empty string.</summary>
    public static string StringOf(object? value) => value is null ? string.Empty : StringFunction(value, false)!;

    private static string? StringFunction(object? value, bool pretty)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return s;
            case JFunction:
                return string.Empty;
            case double d when !double.IsFinite(d):
                throw Errors.Create("D3001");
            case JArray { OuterWrapper: true, Count: > 0 } wrapper:
                return Json.Stringify(wrapper[0], pretty);
            default:
                return Json.Stringify(value, pretty);
        }
    }

    private static string? TypeOf(object? value) => value switch
    {
        null => null,
        JNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        JArray => "array",
        JFunction => "function",
        _ => "object",
    };

    private static object? Assert(CallContext context, List<object?> a)
    {
        if (a[0] is false)
        {
            throw Errors.Create("D3141", value: a.Count > 1 && a[1] is string message ? message : "$assert() statement failed");
        }

        return null;
    }

    private static object? Eval(CallContext context, List<object?> a)
    {
        if (a[0] is not string text)
        {
            return null;
        }

        var input = context.Input;
        if (a.Count > 1 && a[1] is not null)
        {
            input = a[1];
            if (input is JArray { IsSequence: false } array)
            {
                input = new JArray { array }.AsOuterWrapper();
            }
        }

        Node tree;
        try
        {
            tree = Parser.Parse(text);
        }
        catch (JsonataException e)
        {
            throw Errors.Create("D3120", value: e.Message);
        }

        try
        {
            return context.Evaluator.Evaluate(tree, input, context.Scope);
        }
        catch (JsonataException e)
        {
            throw Errors.Create("D3121", value: e.Message);
        }
    }

    private static object? Clone(object? value) => value switch
    {
        null => null,
        JObject obj => CloneObject(obj),
        JArray array => new JArray(array.Select(Clone)),
        JFunction => string.Empty,
        _ => value,
    };

    private static JObject CloneObject(JObject obj)
    {
        var copy = new JObject();
        foreach (var (key, value) in obj)
        {
            if (value is not (null or JFunction))
            {
                copy[key] = Clone(value);
            }
        }

        return copy;
    }
}
