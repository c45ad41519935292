using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// A function signature such as <c>&lt;s-nn?:s&gt;</c>: one letter per parameter type (<c>s</c>tring,
/// <c>n</c>umber, <c>b</c>oolean, nu<c>l</c>l, <c>o</c>bject, <c>a</c>rray, <c>f</c>unction, <c>j</c>son,
/// <c>x</c> any, <c>(sn)</c> a choice), with <c>?</c> optional, <c>+</c> repeated and <c>-</c> "use the
/// context value when omitted". Validation matches the arguments' type letters against a regular
/// expression built from the parameters, then wraps single values where an array is expected.
/// </summary>
internal sealed class Signature
{
    private readonly List<Parameter> parameters;
    private readonly Regex matcher;

    private Signature(string definition, List<Parameter> parameters)
    {
        Definition = definition;
        this.parameters = parameters;
        var pattern = new StringBuilder("^");
        foreach (var parameter in parameters)
        {
            pattern.Append('(').Append(parameter.Pattern).Append(')');
        }

        matcher = new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    public string Definition { get; }

    public int ParameterCount => this.parameters.Count;

    public static Signature Parse(string text, int position = 0)
    {
        var parameters = new List<Parameter>();
        for (var i = 1; i < text.Length; i++)
        {
            var symbol = text[i];
            if (symbol == ':')
            {
                break;
            }

            switch (symbol)
            {
                case 's' or 'n' or 'b' or 'l' or 'o':
                    parameters.Add(new Parameter(symbol, "[" + symbol + "m]"));
                    break;
                case 'a':
                    parameters.Add(new Parameter(symbol, "[asnblfom]"));
                    break;
                case 'f':
                    parameters.Add(new Parameter(symbol, "f"));
                    break;
                case 'j':
                    parameters.Add(new Parameter(symbol, "[asnblom]"));
                    break;
                case 'x':
                    parameters.Add(new Parameter(symbol, "[asnblfom]"));
                    break;
                case '-':
                    parameters[^1].UsesContext = true;
                    parameters[^1].ContextPattern = parameters[^1].Pattern;
                    parameters[^1].Pattern += "?";
                    break;
                case '?' or '+':
                    parameters[^1].Pattern += symbol;
                    break;
                case '(':
                    var close = text.IndexOf(')', i);
                    var choice = text[(i + 1)..close];
                    if (choice.Contains('<', StringComparison.Ordinal))
                    {
                        throw Errors.Syntax("S0402", position + i, value: choice);
                    }

                    parameters.Add(new Parameter('(', "[" + choice + "m]"));
                    i = close;
                    break;
                case '<':
                    if (parameters.Count == 0 || parameters[^1].Type is not ('a' or 'f'))
                    {
                        throw Errors.Syntax("S0401", position + i, value: parameters.Count == 0 ? string.Empty : parameters[^1].Type.ToString());
                    }

                    var end = ClosingAngle(text, i);
                    parameters[^1].Subtype = text[(i + 1)..end];
                    i = end;
                    break;
            }
        }

        return new Signature(text, parameters);
    }

    /// <summary>Checks <paramref name="arguments"/> against the signature and returns them as the function receives them.</summary>
    public List<object?> Validate(List<object?> arguments, object? context, string functionName)
    {
        var symbols = new StringBuilder(arguments.Count);
        foreach (var argument in arguments)
        {
            symbols.Append(SymbolOf(argument));
        }

        var supplied = symbols.ToString();
        var match = matcher.Match(supplied);
        if (!match.Success)
        {
            throw Mismatch(arguments, supplied, functionName);
        }

        var validated = new List<object?>(this.parameters.Count);
        var argumentIndex = 0;
        for (var p = 0; p < this.parameters.Count; p++)
        {
            var parameter = this.parameters[p];
            var matched = match.Groups[p + 1].Value;
            if (matched.Length == 0)
            {
                if (parameter.UsesContext)
                {
                    if (!parameter.ContextPattern!.Contains(SymbolOf(context), StringComparison.Ordinal))
                    {
                        throw Errors.Create("T0411", null, functionName, (argumentIndex + 1).ToString(CultureInfo.InvariantCulture));
                    }

                    validated.Add(context);
                }
                else
                {
                    validated.Add(argumentIndex < arguments.Count ? arguments[argumentIndex] : null);
                    argumentIndex++;
                }

                continue;
            }

            foreach (var single in matched)
            {
                var argument = argumentIndex < arguments.Count ? arguments[argumentIndex] : null;
                if (parameter.Type == 'a')
                {
                    argument = single == 'm' ? null : CoerceArray(parameter, single, matched, argument, argumentIndex, functionName);
                }

                validated.Add(argument);
                argumentIndex++;
            }
        }

        return validated;
    }

    public static char SymbolOf(object? value) => value switch
    {
        null => 'm',
        string => 's',
        double => 'n',
        bool => 'b',
        JNull => 'l',
        JArray => 'a',
        JFunction => 'f',
        _ => 'o',
    };

    private static object? CoerceArray(Parameter parameter, char single, string matched, object? argument, int index, string functionName)
    {
        var ok = true;
        if (parameter.Subtype is not null)
        {
            if (single != 'a' && matched != parameter.Subtype)
            {
                ok = false;
            }
            else if (single == 'a' && argument is JArray { Count: > 0 } array)
            {
                var itemType = SymbolOf(array[0]);
                ok = itemType == parameter.Subtype[0] && array.All(item => SymbolOf(item) == itemType);
            }
        }

        if (!ok)
        {
            throw Errors.Create("T0412", null, functionName, (index + 1).ToString(CultureInfo.InvariantCulture));
        }

        return single == 'a' ? argument : new JArray { argument };
    }

    private JsonataException Mismatch(List<object?> arguments, string supplied, string functionName)
    {
        var pattern = new StringBuilder("^");
        var goodTo = 0;
        foreach (var parameter in this.parameters)
        {
            pattern.Append(parameter.Pattern);
            var partial = Regex.Match(supplied, pattern.ToString(), RegexOptions.CultureInvariant);
            if (!partial.Success)
            {
                break;
            }

            goodTo = partial.Length;
        }

        _ = arguments;
        return Errors.Create("T0410", null, functionName, (goodTo + 1).ToString(CultureInfo.InvariantCulture));
    }

    private static int ClosingAngle(string text, int start)
    {
        var depth = 1;
        var i = start;
        while (++i < text.Length)
        {
            if (text[i] == '>' && --depth == 0)
            {
                break;
            }

            if (text[i] == '<')
            {
                depth++;
            }
        }

        return i;
    }

    private sealed class Parameter(char type, string pattern)
    {
        public char Type { get; } = type;

        public string Pattern { get; set; } = pattern;

        public bool UsesContext { get; set; }

        public string? ContextPattern { get; set; }

        public string? Subtype { get; set; }
    }
}
