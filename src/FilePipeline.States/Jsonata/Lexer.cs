using System.Globalization;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// Splits a JSONata expression into tokens. A <c>/</c> starts a regular expression where an operand is
/// expected and is the division operator elsewhere, so the parser says which one it wants.
/// </summary>
internal sealed class Lexer(string source)
{
    private const string Whitespace = " \t\n\r\v";

    // Single characters that are operators (and so end a name).
    private const string OperatorChars = ".[]{}(),@#;:?+-*/%|=<>^&!~";

    private static readonly string[] TwoCharOperators = ["..", ":=", "!=", ">=", "<=", "**", "~>", "?:", "??"];

    private int position;

    public Token Next(bool operandExpected)
    {
        SkipWhitespaceAndComments();
        if (position >= source.Length)
        {
            return new Token(TokenKind.End, null, source.Length);
        }

        var start = position;
        var c = source[position];
        if (operandExpected && c == '/')
        {
            position++;
            return new Token(TokenKind.Regex, ScanRegex(), start);
        }

        foreach (var op in TwoCharOperators)
        {
            if (string.CompareOrdinal(source, position, op, 0, 2) == 0)
            {
                position += 2;
                return new Token(TokenKind.Operator, op, start);
            }
        }

        if (OperatorChars.Contains(c, StringComparison.Ordinal))
        {
            position++;
            return new Token(TokenKind.Operator, c.ToString(), start);
        }

        if (c is '"' or '\'')
        {
            return new Token(TokenKind.String, ScanString(c), start);
        }

        if (char.IsAsciiDigit(c))
        {
            return ScanNumber(start);
        }

        if (c == '`')
        {
            var end = source.IndexOf('`', position + 1);
            if (end < 0)
            {
                throw Errors.Syntax("S0105", source.Length);
            }

            position = end + 1;
            return new Token(TokenKind.Name, source[(start + 1)..end], start);
        }

        var i = position;
        while (i < source.Length && !Whitespace.Contains(source[i], StringComparison.Ordinal) && !OperatorChars.Contains(source[i], StringComparison.Ordinal))
        {
            i++;
        }

        var word = source[start..i];
        position = i;
        if (c == '$')
        {
            return new Token(TokenKind.Variable, word[1..], start);
        }

        return word switch
        {
            "and" or "or" or "in" => new Token(TokenKind.Operator, word, start),
            "true" => new Token(TokenKind.Value, true, start),
            "false" => new Token(TokenKind.Value, false, start),
            "null" => new Token(TokenKind.Value, JNull.Value, start),
            _ => new Token(TokenKind.Name, word, start),
        };
    }

    private void SkipWhitespaceAndComments()
    {
        while (position < source.Length)
        {
            var c = source[position];
            if (Whitespace.Contains(c, StringComparison.Ordinal))
            {
                position++;
            }
            else if (c == '/' && position + 1 < source.Length && source[position + 1] == '*')
            {
                var end = source.IndexOf("*/", position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Errors.Syntax("S0106", position);
                }

                position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token ScanNumber(int start)
    {
        var i = position;
        if (source[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }

        if (i + 1 < source.Length && source[i] == '.' && char.IsAsciiDigit(source[i + 1]))
        {
            i++;
            while (i < source.Length && char.IsAsciiDigit(source[i]))
            {
                i++;
            }
        }

        if (i < source.Length && source[i] is 'e' or 'E')
        {
            var j = i + 1;
            if (j < source.Length && source[j] is '+' or '-')
            {
                j++;
            }

            if (j < source.Length && char.IsAsciiDigit(source[j]))
            {
                while (j < source.Length && char.IsAsciiDigit(source[j]))
                {
                    j++;
                }

                i = j;
            }
        }

        var text = source[start..i];
        var number = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(number))
        {
            throw Errors.Syntax("S0102", start, text);
        }

        position = i;
        return new Token(TokenKind.Number, number, start);
    }

    private string ScanString(char quote)
    {
        var text = new StringBuilder();
        position++;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '\\')
            {
                position++;
                var escaped = position < source.Length ? source[position] : '\0';
                switch (escaped)
                {
                    case '"' or '\\' or '/' or '\'':
                        text.Append(escaped);
                        break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        if (position + 4 < source.Length && int.TryParse(source.AsSpan(position + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            text.Append((char)code);
                            position += 4;
                            break;
                        }

                        throw Errors.Syntax("S0104", position);
                    default:
                        throw Errors.Syntax("S0103", position, escaped.ToString());
                }
            }
            else if (c == quote)
            {
                position++;
                return text.ToString();
            }
            else
            {
                text.Append(c);
            }

            position++;
        }

        throw Errors.Syntax("S0101", position);
    }

    private RegexValue ScanRegex()
    {
        var start = position;
        var depth = 0;
        while (position < source.Length)
        {
            var c = source[position];
            if (c == '/' && depth == 0 && !IsEscaped(position))
            {
                var pattern = source[start..position];
                if (pattern.Length == 0)
                {
                    throw Errors.Syntax("S0301", position);
                }

                position++;
                var flagsStart = position;
                while (position < source.Length && source[position] is 'i' or 'm')
                {
                    position++;
                }

                return new RegexValue(pattern, source[flagsStart..position]);
            }

            if (c is '(' or '[' or '{' && !IsEscaped(position))
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && !IsEscaped(position))
            {
                depth--;
            }

            position++;
        }

        throw Errors.Syntax("S0302", position);
    }

    private bool IsEscaped(int index)
    {
        var backslashes = 0;
        while (index - backslashes - 1 >= 0 && source[index - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }
}
