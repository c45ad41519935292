namespace FilePipeline.Local.Table.Expressions;

/// <summary>
/// Recursive-descent parser for DynamoDB's expression languages. Precedence, loosest first:
/// OR, AND, NOT, then comparisons/BETWEEN/IN/functions, with parentheses to override.
/// Placeholders are resolved while parsing so errors name the expression they occur in. The grammars
/// are in ExpressionParser.Conditions, .Updates and .Paths, DynamoDB's checks in .Checks; this file
/// holds the entry points and the token helpers they share.
/// </summary>
internal sealed partial class ExpressionParser
{
    private readonly string text;
    private readonly string kind;
    private readonly ExpressionAttributes attributes;
    private readonly List<Token> tokens;
    private int position;

    private ExpressionParser(string text, string kind, ExpressionAttributes attributes)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DynamoDbErrors.InvalidExpression(kind, "The expression can not be empty;");
        }

        this.text = text;
        this.kind = kind;
        this.attributes = attributes;
        tokens = ExpressionLexer.Tokenize(text, kind);
    }

    private Token Current => tokens[position];

    /// <param name="kind">"ConditionExpression" or "FilterExpression", as error messages name it.</param>
    public static Condition ParseCondition(string text, string kind, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(text, kind, attributes);
        var condition = parser.ParseOr();
        parser.ExpectEnd();
        return condition;
    }

    public static UpdateExpression ParseUpdate(string text, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(text, "UpdateExpression", attributes);
        var update = parser.ParseUpdateClauses();
        parser.CheckDistinctPaths(update.Paths.ToList());
        return update;
    }

    public static IReadOnlyList<DocumentPath> ParseProjection(string text, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(text, "ProjectionExpression", attributes);
        var paths = new List<DocumentPath> { parser.ParsePath() };
        while (parser.TryConsumeSymbol(","))
        {
            paths.Add(parser.ParsePath());
        }

        parser.ExpectEnd();
        parser.CheckDistinctPaths(paths);
        return paths;
    }


    private List<T> ParseFunctionArguments<T>(Func<T> parseArgument)
    {
        position++;
        ExpectSymbol("(");
        var arguments = new List<T> { parseArgument() };
        while (TryConsumeSymbol(","))
        {
            arguments.Add(parseArgument());
        }

        ExpectSymbol(")");
        return arguments;
    }

    private bool IsFunctionCall() => Current.Kind == TokenKind.Name && tokens[position + 1].IsSymbol("(");

    private bool TryConsumeSymbol(string symbol)
    {
        if (!Current.IsSymbol(symbol))
        {
            return false;
        }

        position++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TryConsumeSymbol(symbol))
        {
            throw SyntaxError();
        }
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw SyntaxError();
        }

        position++;
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.End)
        {
            throw SyntaxError();
        }
    }

    /// <summary>DynamoDB's wording: the offending token and the text from the token before it to the one after.</summary>
    private DynamoDbException SyntaxError()
    {
        var token = Current.Kind == TokenKind.End ? "<EOF>" : Current.Text;
        var from = tokens[Math.Max(0, position - 1)].Start;
        var to = tokens[Math.Min(tokens.Count - 1, position + 1)].End;
        return DynamoDbErrors.InvalidExpression(kind, $"Syntax error; token: \"{token}\", near: \"{text[from..to]}\"");
    }
}
