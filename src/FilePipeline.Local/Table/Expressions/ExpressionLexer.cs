namespace FilePipeline.Local.Table.Expressions;

/// <summary>Splits a DynamoDB expression into tokens.</summary>
internal static class ExpressionLexer
{
    private static readonly string[] Symbols = ["<>", "<=", ">=", "=", "<", ">", "(", ")", "[", "]", ",", ".", "+", "-"];

    public static List<Token> Tokenize(string text, string kind)
    {
        var tokens = new List<Token>();
        var position = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (char.IsWhiteSpace(c))
            {
                position++;
                continue;
            }

            var start = position;
            if (c is '#' or ':')
            {
                position = SkipWord(text, position + 1);
                if (position == start + 1)
                {
                    throw SyntaxError(kind, text, c.ToString(), start);
                }

                tokens.Add(new Token(c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder, text[start..position], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (position < text.Length && char.IsAsciiDigit(text[position]))
                {
                    position++;
                }

                tokens.Add(new Token(TokenKind.Integer, text[start..position], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                position = SkipWord(text, position);
                tokens.Add(new Token(TokenKind.Name, text[start..position], start));
            }
            else
            {
                var symbol = Array.Find(Symbols, s => string.CompareOrdinal(text, position, s, 0, s.Length) == 0)
                    ?? throw SyntaxError(kind, text, c.ToString(), start);
                tokens.Add(new Token(TokenKind.Symbol, symbol, start));
                position += symbol.Length;
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static int SkipWord(string text, int position)
    {
        while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
        {
            position++;
        }

        return position;
    }

    private static DynamoDbException SyntaxError(string kind, string text, string token, int start) =>
        DynamoDbErrors.InvalidExpression(kind, $"Syntax error; token: \"{token}\", near: \"{text[start..Math.Min(text.Length, start + 10)]}\"");
}
