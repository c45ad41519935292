using System.Text;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>
/// Splits an intrinsic invocation such as <c>States.Format('Hi {}', $.name)</c> into tokens.
/// String literals use single quotes; inside them only the escapes AWS documents are accepted:
/// <c>\'</c>, <c>\{</c>, <c>\}</c> and <c>\\</c>.
/// </summary>
internal static class IntrinsicTokenizer
{
    private const string FunctionPrefix = "States.";

    public static List<IntrinsicToken> Tokenize(string expression)
    {
        var tokens = new List<IntrinsicToken>();
        var position = 0;
        while (true)
        {
            while (position < expression.Length && char.IsWhiteSpace(expression[position]))
            {
                position++;
            }

            if (position == expression.Length)
            {
                tokens.Add(new IntrinsicToken(IntrinsicTokenKind.End, string.Empty, position));
                return tokens;
            }

            (var token, position) = ReadToken(expression, position);
            tokens.Add(token);
        }
    }

    private static (IntrinsicToken Token, int Next) ReadToken(string expression, int start)
    {
        var c = expression[start];
        return c switch
        {
            '(' => (new IntrinsicToken(IntrinsicTokenKind.OpenParenthesis, "(", start), start + 1),
            ')' => (new IntrinsicToken(IntrinsicTokenKind.CloseParenthesis, ")", start), start + 1),
            ',' => (new IntrinsicToken(IntrinsicTokenKind.Comma, ",", start), start + 1),
            '\'' => ReadString(expression, start),
            '$' => ReadPath(expression, start),
            '-' or (>= '0' and <= '9') => ReadNumber(expression, start),
            _ when char.IsLetter(c) => ReadWord(expression, start),
            _ => throw Malformed(expression, start, $"unexpected character '{c}'"),
        };
    }

    private static (IntrinsicToken, int) ReadString(string expression, int start)
    {
        var value = new StringBuilder();
        var placeholders = new List<int>();
        var position = start + 1;
        var previousWasOpenBrace = false;
        while (position < expression.Length)
        {
            var c = expression[position];
            if (c == '\'')
            {
                return (new IntrinsicToken(IntrinsicTokenKind.String, value.ToString(), start, placeholders), position + 1);
            }

            if (c == '\\')
            {
                var escaped = position + 1 < expression.Length ? expression[position + 1] : '\0';
                if (escaped is not ('\'' or '{' or '}' or '\\'))
                {
                    throw Malformed(expression, position, "a backslash must escape one of ' { } \\");
                }

                value.Append(escaped);
                previousWasOpenBrace = false;
                position += 2;
                continue;
            }

            if (c == '}' && previousWasOpenBrace)
            {
                placeholders.Add(value.Length - 1);
            }

            previousWasOpenBrace = c == '{';
            value.Append(c);
            position++;
        }

        throw Malformed(expression, start, "the string literal is not closed with '");
    }

    /// <summary>
    /// A path runs to the next comma or closing parenthesis outside brackets, parentheses and
    /// quotes, so <c>$.a['x,y']</c> and filter expressions stay one argument; the engine
    /// resolves it.
    /// </summary>
    private static (IntrinsicToken, int) ReadPath(string expression, int start)
    {
        var depth = 0;
        var quote = '\0';
        var position = start;
        for (; position < expression.Length; position++)
        {
            var c = expression[position];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    position++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if (depth > 0 && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c is '[' or '(')
            {
                depth++;
            }
            else if (depth > 0 && c is ']' or ')')
            {
                depth--;
            }
            else if (depth == 0 && c is ',' or ')')
            {
                break;
            }
        }

        if (depth > 0 || quote != '\0')
        {
            throw Malformed(expression, start, "the path is not closed");
        }

        var path = expression[start..position].TrimEnd();
        return (new IntrinsicToken(IntrinsicTokenKind.Path, path, start), position);
    }

    /// <summary>A JSON number: -?(0|[1-9]digits)(.digits)?([eE][+-]?digits)?</summary>
    private static (IntrinsicToken, int) ReadNumber(string expression, int start)
    {
        var position = start;
        if (expression[position] == '-')
        {
            position++;
        }

        var integerStart = position;
        position = SkipDigits(expression, position);
        var integerDigits = position - integerStart;
        if (integerDigits == 0 || (integerDigits > 1 && expression[integerStart] == '0'))
        {
            throw Malformed(expression, start, "invalid number");
        }

        if (position < expression.Length && expression[position] == '.')
        {
            position = RequireDigits(expression, start, position + 1);
        }

        if (position < expression.Length && expression[position] is 'e' or 'E')
        {
            position++;
            if (position < expression.Length && expression[position] is '+' or '-')
            {
                position++;
            }

            position = RequireDigits(expression, start, position);
        }

        if (position < expression.Length && (char.IsLetterOrDigit(expression[position]) || expression[position] == '.'))
        {
            throw Malformed(expression, start, "invalid number");
        }

        return (new IntrinsicToken(IntrinsicTokenKind.Number, expression[start..position], start), position);
    }

    private static int RequireDigits(string expression, int tokenStart, int position)
    {
        var end = SkipDigits(expression, position);
        return end > position ? end : throw Malformed(expression, tokenStart, "invalid number");
    }

    private static int SkipDigits(string expression, int position)
    {
        while (position < expression.Length && char.IsAsciiDigit(expression[position]))
        {
            position++;
        }

        return position;
    }

    private static (IntrinsicToken, int) ReadWord(string expression, int start)
    {
        var position = start;
        while (position < expression.Length && (char.IsAsciiLetterOrDigit(expression[position]) || expression[position] is '.' or '_'))
        {
            position++;
        }

        var word = expression[start..position];
        var kind = word switch
        {
            "true" => IntrinsicTokenKind.True,
            "false" => IntrinsicTokenKind.False,
            "null" => IntrinsicTokenKind.Null,
            _ when word.StartsWith(FunctionPrefix, StringComparison.Ordinal) && word.Length > FunctionPrefix.Length => IntrinsicTokenKind.FunctionName,
            _ => throw Malformed(expression, start, $"unexpected word '{word}'"),
        };
        return (new IntrinsicToken(kind, word, start), position);
    }

    public static IntrinsicFailureException Malformed(string expression, int position, string reason) =>
        new($"The intrinsic function expression '{expression}' is malformed at position {position}: {reason}.");
}
