using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>Recursive-descent parser for the JSONPath subset; throws <see cref="FormatException"/>.</summary>
internal sealed class JsonPathParser(string text)
{
    private int pos;

    /// <summary>Parses <c>$…</c>, <c>$$…</c> (context object) or <c>$name…</c> (a variable).</summary>
    public (bool IsContext, string? Variable, PathSegment[] Segments) ParsePath()
    {
        if (!text.StartsWith('$'))
        {
            throw Error("must start with '$'");
        }

        pos = 1;
        var isContext = Peek('$');
        string? variable = null;
        if (isContext)
        {
            pos++;
        }
        else if (pos < text.Length && (char.IsLetter(text[pos]) || text[pos] == '_'))
        {
            var start = pos;
            while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            {
                pos++;
            }

            variable = text[start..pos];
        }

        var segments = ParseSegments(stopAt: null);
        if (pos != text.Length)
        {
            throw Error($"unexpected '{text[pos]}'");
        }

        return (isContext, variable, segments);
    }

    private PathSegment[] ParseSegments(Func<char, bool>? stopAt)
    {
        var segments = new List<PathSegment>();
        while (pos < text.Length && (stopAt is null || !stopAt(text[pos])))
        {
            if (Peek('.'))
            {
                pos++;
                if (Peek('.'))
                {
                    pos++;
                    segments.Add(new DeepScanSegment(Peek('[') ? ParseBracket() : ParseDotName()));
                }
                else
                {
                    segments.Add(ParseDotName());
                }
            }
            else if (Peek('['))
            {
                segments.Add(ParseBracket());
            }
            else
            {
                throw Error($"unexpected '{text[pos]}'");
            }
        }

        return [.. segments];
    }

    private PathSegment ParseDotName()
    {
        if (Peek('*'))
        {
            pos++;
            return new WildcardSegment();
        }

        var start = pos;
        while (pos < text.Length && text[pos] is not ('.' or '[' or ' ' or ')' or '=' or '!' or '<' or '>' or '&' or '|' or ','))
        {
            pos++;
        }

        if (pos == start)
        {
            throw Error("expected a field name");
        }

        return new NameSegment(text[start..pos]);
    }

    private PathSegment ParseBracket()
    {
        Expect('[');
        SkipSpaces();
        PathSegment segment;
        if (Peek('*'))
        {
            pos++;
            segment = new WildcardSegment();
        }
        else if (Peek('?'))
        {
            pos++;
            SkipSpaces();
            Expect('(');
            var filter = ParseOr();
            SkipSpaces();
            Expect(')');
            segment = new FilterSegment(filter);
        }
        else if (Peek('\'') || Peek('"'))
        {
            var names = new List<PathSegment> { new NameSegment(ParseQuoted()) };
            while (TrySkipComma())
            {
                names.Add(new NameSegment(ParseQuoted()));
            }

            segment = names.Count == 1 ? names[0] : new UnionSegment(names);
        }
        else
        {
            segment = ParseIndexOrSlice();
        }

        SkipSpaces();
        Expect(']');
        return segment;
    }

    private PathSegment ParseIndexOrSlice()
    {
        var first = TryParseInt();
        SkipSpaces();
        if (Peek(':'))
        {
            pos++;
            var end = TryParseInt();
            var step = 1;
            if (Peek(':'))
            {
                pos++;
                step = TryParseInt() ?? 1;
            }

            return new SliceSegment(first, end, step);
        }

        if (first is null)
        {
            throw Error("expected an index, a quoted name, '*' or a filter in brackets");
        }

        var indexes = new List<PathSegment> { new IndexSegment(first.Value) };
        while (TrySkipComma())
        {
            indexes.Add(new IndexSegment(TryParseInt() ?? throw Error("expected an index")));
        }

        return indexes.Count == 1 ? indexes[0] : new UnionSegment(indexes);
    }

    private FilterExpression ParseOr()
    {
        var left = ParseAnd();
        while (TrySkip("||"))
        {
            left = new OrFilter(left, ParseAnd());
        }

        return left;
    }

    private FilterExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TrySkip("&&"))
        {
            left = new AndFilter(left, ParseUnary());
        }

        return left;
    }

    private FilterExpression ParseUnary()
    {
        SkipSpaces();
        if (Peek('!'))
        {
            pos++;
            return new NotFilter(ParseUnary());
        }

        if (Peek('('))
        {
            pos++;
            var inner = ParseOr();
            SkipSpaces();
            Expect(')');
            return inner;
        }

        var left = ParseOperand();
        SkipSpaces();
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (TrySkip(op))
            {
                return new ComparisonFilter(left, op, ParseOperand());
            }
        }

        return new ExistsFilter(left);
    }

    private FilterOperand ParseOperand()
    {
        SkipSpaces();
        if (Peek('@') || Peek('$'))
        {
            var relative = text[pos] == '@';
            pos++;
            var start = pos;
            _ = ParseSegments(c => c is ' ' or ')' or '=' or '!' or '<' or '>' or '&' or '|');
            return FilterOperand.ForPath(JsonPath.Parse("$" + text[start..pos]), relative);
        }

        if (Peek('\'') || Peek('"'))
        {
            return FilterOperand.ForLiteral(JsonValue.Create(ParseQuoted()));
        }

        var begin = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '-' or '+' or '.'))
        {
            pos++;
        }

        var token = text[begin..pos];
        return token switch
        {
            "true" => FilterOperand.ForLiteral(JsonValue.Create(true)),
            "false" => FilterOperand.ForLiteral(JsonValue.Create(false)),
            "null" => FilterOperand.ForLiteral(null),
            _ when double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                => FilterOperand.ForLiteral(JsonValue.Create(number)),
            _ => throw Error($"unexpected '{token}' in a filter"),
        };
    }

    private string ParseQuoted()
    {
        var quote = text[pos++];
        var builder = new StringBuilder();
        while (pos < text.Length && text[pos] != quote)
        {
            // Only the enclosing quote is escaped; any other backslash is literal (recorded on AWS:
            // $['a\"b'] selects the field named a\"b).
            if (text[pos] == '\\' && pos + 1 < text.Length && text[pos + 1] == quote)
            {
                pos++;
            }

            builder.Append(text[pos++]);
        }

        Expect(quote);
        return builder.ToString();
    }

    private int? TryParseInt()
    {
        SkipSpaces();
        var start = pos;
        if (Peek('-'))
        {
            pos++;
        }

        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        if (pos == start)
        {
            return null;
        }

        return int.TryParse(text.AsSpan(start, pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error("invalid index");
    }

    private bool TrySkipComma()
    {
        SkipSpaces();
        if (!Peek(','))
        {
            return false;
        }

        pos++;
        SkipSpaces();
        return true;
    }

    private bool TrySkip(string token)
    {
        SkipSpaces();
        if (string.CompareOrdinal(text, pos, token, 0, token.Length) != 0)
        {
            return false;
        }

        pos += token.Length;
        return true;
    }

    private void SkipSpaces()
    {
        while (pos < text.Length && text[pos] == ' ')
        {
            pos++;
        }
    }

    private bool Peek(char c) => pos < text.Length && text[pos] == c;

    private void Expect(char c)
    {
        if (!Peek(c))
        {
            throw Error($"expected '{c}'");
        }

        pos++;
    }

    private FormatException Error(string message) => new($"Invalid JSONPath '{text}' at position {pos}: {message}");
}
