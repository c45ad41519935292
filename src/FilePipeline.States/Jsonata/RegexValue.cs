using System.Text.RegularExpressions;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// A regular expression literal <c>/pattern/flags</c>. As a value it is a function: called with a
/// string it returns the first match as <c>{match, start, end, groups, next}</c>, where <c>next()</c>
/// returns the following one.
/// </summary>
internal sealed class RegexValue : JFunction
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public RegexValue(string source, string flags)
    {
        Source = source;
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        try
        {
            Regex = new Regex(source, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new JsonataException("S0303", "Invalid regular expression: " + e.Message);
        }
    }

    public string Source { get; }

    public Regex Regex { get; }

    public override int Arity => 1;

    public override object? Invoke(Evaluator evaluator, List<object?> arguments, object? input)
    {
        if (arguments.Count == 0 || arguments[0] is not string text)
        {
            return null;
        }

        var from = arguments.Count > 1 && arguments[1] is double start ? (int)start : 0;
        return MatchFrom(text, from);
    }

    private JObject? MatchFrom(string text, int from)
    {
        if (from > text.Length || (from == text.Length && from > 0))
        {
            return null;
        }

        var match = Regex.Match(text, from);
        if (!match.Success)
        {
            return null;
        }

        var groups = new JArray();
        for (var i = 1; i < match.Groups.Count; i++)
        {
            groups.Add(match.Groups[i].Success ? match.Groups[i].Value : string.Empty);
        }

        var next = match.Index + match.Length;
        return new JObject
        {
            ["match"] = match.Value,
            ["start"] = (double)match.Index,
            ["end"] = (double)(match.Index + match.Length),
            ["groups"] = groups,
            ["next"] = new NextMatch(this, text, next),
        };
    }

    private sealed class NextMatch(RegexValue regex, string text, int from) : JFunction
    {
        public override int Arity => 0;

        public override object? Invoke(Evaluator evaluator, List<object?> arguments, object? input)
        {
            var result = regex.MatchFrom(text, from);
            if (result is not null && (string)result["match"]! == string.Empty)
            {
                throw Errors.Create("D1004");
            }

            return result;
        }
    }
}
