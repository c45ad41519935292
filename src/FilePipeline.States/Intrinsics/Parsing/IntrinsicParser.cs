using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics.Functions;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>
/// Parses one intrinsic invocation:
/// <code>
/// call     := FunctionName '(' [argument (',' argument)*] ')'
/// argument := call | 'string' | number | true | false | null | path
/// </code>
/// Unknown functions, wrong argument counts and more than <see cref="MaxFunctionsPerField"/>
/// calls are rejected here, before anything is evaluated.
/// </summary>
internal sealed class IntrinsicParser
{
    /// <summary>AWS allows up to 10 intrinsic functions within one field (its example counts nine).</summary>
    public const int MaxFunctionsPerField = 10;

    private readonly string expression;
    private readonly List<IntrinsicToken> tokens;
    private int next;
    private int functionCount;

    private IntrinsicParser(string expression)
    {
        this.expression = expression;
        tokens = IntrinsicTokenizer.Tokenize(expression);
    }

    public static IntrinsicExpression Parse(string expression)
    {
        var parser = new IntrinsicParser(expression);
        var call = parser.ParseCall();
        parser.Expect(IntrinsicTokenKind.End, "nothing may follow the closing parenthesis");
        return call;
    }

    private FunctionCallExpression ParseCall()
    {
        var name = Expect(IntrinsicTokenKind.FunctionName, "expected an intrinsic function such as States.Format");
        if (!IntrinsicFunctionRegistry.TryGet(name.Text, out var function))
        {
            throw new IntrinsicFailureException(
                $"'{name.Text}' is not an intrinsic function; supported: {string.Join(", ", IntrinsicFunctionRegistry.Names.Order(StringComparer.Ordinal))}.");
        }

        if (++functionCount > MaxFunctionsPerField)
        {
            throw new IntrinsicFailureException(
                $"The expression '{this.expression}' uses more than {MaxFunctionsPerField} intrinsic functions in one field.");
        }

        Expect(IntrinsicTokenKind.OpenParenthesis, $"expected '(' after {name.Text}");
        var arguments = new List<IntrinsicExpression>();
        if (Peek.Kind != IntrinsicTokenKind.CloseParenthesis)
        {
            arguments.Add(ParseArgument());
            while (Peek.Kind == IntrinsicTokenKind.Comma)
            {
                next++;
                arguments.Add(ParseArgument());
            }
        }

        Expect(IntrinsicTokenKind.CloseParenthesis, "expected ',' or ')'");
        var signature = function.Signature;
        if (arguments.Count < signature.MinArguments || arguments.Count > signature.MaxArguments)
        {
            throw new IntrinsicFailureException(
                $"{signature.Name} takes {signature.DescribeArity()}, but {arguments.Count} {(arguments.Count == 1 ? "was" : "were")} given.");
        }

        return new FunctionCallExpression(function, arguments);
    }

    private IntrinsicExpression ParseArgument()
    {
        var token = Peek;
        if (token.Kind == IntrinsicTokenKind.FunctionName)
        {
            return ParseCall();
        }

        next++;
        return token.Kind switch
        {
            IntrinsicTokenKind.String => new StringLiteralExpression(token.Text, token.PlaceholderOffsets ?? []),
            IntrinsicTokenKind.Number => new LiteralExpression(JsonNode.Parse(token.Text)),
            IntrinsicTokenKind.True => new LiteralExpression(JsonValue.Create(true)),
            IntrinsicTokenKind.False => new LiteralExpression(JsonValue.Create(false)),
            IntrinsicTokenKind.Null => new LiteralExpression(null),
            IntrinsicTokenKind.Path => new PathExpression(token.Text),
            _ => throw IntrinsicTokenizer.Malformed(this.expression, token.Position, "expected an argument"),
        };
    }

    private IntrinsicToken Peek => tokens[next];

    private IntrinsicToken Expect(IntrinsicTokenKind kind, string reason)
    {
        var token = Peek;
        if (token.Kind != kind)
        {
            throw IntrinsicTokenizer.Malformed(this.expression, token.Position, reason);
        }

        next++;
        return token;
    }
}
