using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FilePipeline.States.Jsonata;

/// <summary>String functions. Lengths and offsets count Unicode code points, as the reference does.</summary>
internal static partial class Builtins
{
    private static readonly Regex WhitespaceRun = new("[ \t\n\r]+", RegexOptions.CultureInvariant);

    public static string[] CodePoints(string s)
    {
        var points = new List<string>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                points.Add(s.Substring(i, 2));
                i++;
            }
            else
            {
                points.Add(s[i].ToString());
            }
        }

        return [.. points];
    }

    private static object? Substring(CallContext context, List<object?> a)
    {
        if (a[0] is not string s)
        {
            return null;
        }

        var points = CodePoints(s);
        var length = points.Length;
        var start = Truncate((double)a[1]!);
        if (length + start < 0)
        {
            start = 0;
        }

        if (a.Count > 2 && a[2] is double count)
        {
            if (count <= 0)
            {
                return string.Empty;
            }

            var end = start >= 0 ? start + Truncate(count) : length + start + Truncate(count);
            return Slice(points, start, end);
        }

        return Slice(points, start, length);
    }

    private static long Truncate(double value) => double.IsInfinity(value) ? (value > 0 ? int.MaxValue : int.MinValue) : (long)Math.Truncate(value);

    // JavaScript's Array.prototype.slice over code points.
    private static string Slice(string[] points, long start, long end)
    {
        var length = points.Length;
        start = start < 0 ? Math.Max(length + start, 0) : Math.Min(start, length);
        end = end < 0 ? Math.Max(length + end, 0) : Math.Min(end, length);
        return start >= end ? string.Empty : string.Concat(points[(int)start..(int)end]);
    }

    private static object? SubstringBefore(CallContext context, List<object?> a)
    {
        if (a[0] is not string s || a[1] is not string chars)
        {
            return a[0];
        }

        var index = s.IndexOf(chars, StringComparison.Ordinal);
        return index >= 0 ? s[..index] : s;
    }

    private static object? SubstringAfter(CallContext context, List<object?> a)
    {
        if (a[0] is not string s || a[1] is not string chars)
        {
            return a[0];
        }

        var index = s.IndexOf(chars, StringComparison.Ordinal);
        return index >= 0 ? s[(index + chars.Length)..] : s;
    }

    private static string Trim(string s)
    {
        var result = WhitespaceRun.Replace(s, " ");
        if (result.StartsWith(' '))
        {
            result = result[1..];
        }

        if (result.EndsWith(' '))
        {
            result = result[..^1];
        }

        return result;
    }

    private static object? Pad(CallContext context, List<object?> a)
    {
        if (a[0] is not string s)
        {
            return null;
        }

        var width = (double)a[1]!;
        var padChar = a.Count > 2 && a[2] is string { Length: > 0 } c ? c : " ";
        var padLength = (int)(Math.Abs(width) - CodePoints(s).Length);
        if (padLength <= 0)
        {
            return s;
        }

        var padding = new StringBuilder();
        while (CodePoints(padding.ToString()).Length < padLength)
        {
            padding.Append(padChar);
        }

        var pad = Slice(CodePoints(padding.ToString()), 0, padLength);
        return width > 0 ? s + pad : pad + s;
    }

    private static object? Contains(CallContext context, List<object?> a)
    {
        if (a[0] is not string s || a[1] is null)
        {
            return null;
        }

        return a[1] is string token
            ? s.Contains(token, StringComparison.Ordinal)
            : FirstMatch(context, (JFunction)a[1]!, s) is not null;
    }

    private static object? Match(CallContext context, List<object?> a)
    {
        if (a[0] is not string s || a[1] is null)
        {
            return null;
        }

        var limit = LimitArgument(a, 2, "D3040");
        var result = JArray.Sequence();
        var count = 0;
        for (var match = FirstMatch(context, (JFunction)a[1]!, s); match is not null && (limit is null || count < limit); match = NextMatch(context, match))
        {
            result.Add(new JObject { ["match"] = match["match"], ["index"] = match["start"], ["groups"] = match["groups"] });
            count++;
        }

        return result;
    }

    private static object? Replace(CallContext context, List<object?> a)
    {
        if (a[0] is not string s)
        {
            return null;
        }

        if (a[1] is "")
        {
            throw Errors.Value("D3010", a[1]);
        }

        var limit = LimitArgument(a, 3, "D3011");
        if (limit == 0)
        {
            return s;
        }

        var result = new StringBuilder();
        var position = 0;
        var count = 0;
        if (a[1] is string pattern)
        {
            var replacement = a[2] as string ?? string.Empty;
            var index = s.IndexOf(pattern, StringComparison.Ordinal);
            while (index >= 0 && (limit is null || count < limit))
            {
                result.Append(s, position, index - position).Append(replacement);
                position = index + pattern.Length;
                count++;
                index = s.IndexOf(pattern, position, StringComparison.Ordinal);
            }

            return result.Append(s, position, s.Length - position).ToString();
        }

        var match = FirstMatch(context, (JFunction)a[1]!, s);
        if (match is null)
        {
            return s;
        }

        while (match is not null && (limit is null || count < limit))
        {
            var start = (int)(double)match["start"]!;
            result.Append(s, position, start - position);
            var substitute = a[2] is string template
                ? Substitute(template, match)
                : context.Evaluator.CallWithArity((JFunction)a[2]!, match);
            if (substitute is not string text)
            {
                throw Errors.Value("D3012", substitute);
            }

            result.Append(text);
            position = start + ((string)match["match"]!).Length;
            count++;
            match = NextMatch(context, match);
        }

        return result.Append(s, position, s.Length - position).ToString();
    }

    // $0 is the whole match, $1..$n the groups (as many digits as the group count allows), $$ a dollar.
    private static string Substitute(string template, JObject match)
    {
        var groups = (JArray)match["groups"]!;
        var result = new StringBuilder();
        var position = 0;
        var index = template.IndexOf('$', position);
        while (index >= 0 && position < template.Length)
        {
            result.Append(template, position, index - position);
            position = index + 1;
            var next = position < template.Length ? template[position] : '\0';
            if (next == '$')
            {
                result.Append('$');
                position++;
            }
            else if (next == '0')
            {
                result.Append((string)match["match"]!);
                position++;
            }
            else
            {
                var maxDigits = groups.Count == 0 ? 1 : (int)Math.Floor(Math.Log10(groups.Count)) + 1;
                var group = LeadingInteger(template, position, maxDigits);
                if (maxDigits > 1 && group > groups.Count)
                {
                    group = LeadingInteger(template, position, maxDigits - 1);
                }

                if (group is { } g)
                {
                    if (groups.Count > 0 && g >= 1 && g <= groups.Count && groups[g - 1] is string submatch)
                    {
                        result.Append(submatch);
                    }

                    position += g.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                {
                    result.Append('$');
                }
            }

            index = template.IndexOf('$', position);
        }

        return result.Append(template, position, template.Length - position).ToString();
    }

    private static int? LeadingInteger(string s, int start, int maxDigits)
    {
        var end = start;
        while (end < s.Length && end - start < maxDigits && char.IsAsciiDigit(s[end]))
        {
            end++;
        }

        return end == start ? null : int.Parse(s.AsSpan(start, end - start), CultureInfo.InvariantCulture);
    }

    private static object? Split(CallContext context, List<object?> a)
    {
        if (a[0] is not string s || a[1] is null)
        {
            return null;
        }

        var limit = LimitArgument(a, 2, "D3020");
        var result = new JArray();
        if (limit == 0)
        {
            return result;
        }

        if (a[1] is string separator)
        {
            var parts = separator.Length == 0 ? s.Select(c => c.ToString()).ToArray() : s.Split(separator);
            foreach (var part in parts.Take(limit ?? int.MaxValue))
            {
                result.Add(part);
            }

            return result;
        }

        var match = FirstMatch(context, (JFunction)a[1]!, s);
        if (match is null)
        {
            result.Add(s);
            return result;
        }

        var start = 0;
        var count = 0;
        while (match is not null && (limit is null || count < limit))
        {
            var matchStart = (int)(double)match["start"]!;
            result.Add(s[start..Math.Max(start, matchStart)]);
            start = (int)(double)match["end"]!;
            match = NextMatch(context, match);
            count++;
        }

        if (limit is null || count < limit)
        {
            result.Add(s[Math.Min(start, s.Length)..]);
        }

        return result;
    }

    private static int? LimitArgument(List<object?> a, int index, string code)
    {
        if (a.Count <= index || a[index] is not double limit)
        {
            return null;
        }

        return limit < 0 ? throw Errors.Value(code, limit) : (int)Math.Min(limit, int.MaxValue);
    }

    private static JObject? FirstMatch(CallContext context, JFunction matcher, string s) =>
        CheckMatch(context.Evaluator.Apply(matcher, [s], null), context.Name);

    private static JObject? NextMatch(CallContext context, JObject match) =>
        match.TryGetValue("next", out var next) && next is JFunction function
            ? CheckMatch(context.Evaluator.Apply(function, [], null), context.Name)
            : null;

    private static JObject? CheckMatch(object? result, string name)
    {
        if (result is null)
        {
            return null;
        }

        if (result is not JObject match || match.GetValueOrDefault("start") is not double || match.GetValueOrDefault("end") is not double
            || match.GetValueOrDefault("match") is not string || match.GetValueOrDefault("groups") is not JArray)
        {
            throw Errors.Create("T1010", null, name);
        }

        return match;
    }

    private static object? Join(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray strings)
        {
            return null;
        }

        var separator = a.Count > 1 && a[1] is string s ? s : string.Empty;
        return string.Join(separator, strings.Cast<string>());
    }

    private static object? Base64Encode(CallContext context, List<object?> a) =>
        a[0] is string s ? Convert.ToBase64String(Encoding.Latin1.GetBytes(s)) : null;

    private static object? Base64Decode(CallContext context, List<object?> a) =>
        a[0] is string s ? Encoding.Latin1.GetString(Convert.FromBase64String(s)) : null;
}
