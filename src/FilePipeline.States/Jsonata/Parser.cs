using System.Collections.Frozen;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// A top-down operator-precedence (Pratt) parser: each token has a binding power and knows how to
/// start an expression (prefix) and how to continue one (infix). Produces the syntax tree that
/// <see cref="Resolver"/> then rewrites into the evaluated form.
/// </summary>
internal sealed class Parser
{
    private static readonly FrozenDictionary<string, int> BindingPowers = new Dictionary<string, int>
    {
        ["."] = 75, ["["] = 80, ["{"] = 70, ["("] = 80, ["@"] = 80, ["#"] = 80, ["?"] = 20,
        ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60, ["="] = 40, ["<"] = 40, [">"] = 40,
        ["^"] = 40, [":="] = 10, ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["?:"] = 40, ["??"] = 40,
        ["and"] = 30, ["or"] = 25, ["in"] = 40, ["&"] = 50,
        ["]"] = 0, ["}"] = 0, [")"] = 0, [","] = 0, [";"] = 0, [":"] = 0, ["|"] = 0, [".."] = 0, ["**"] = 0,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly string source;
    private readonly Lexer lexer;
    private Token token;

    private Parser(string source)
    {
        this.source = source;
        lexer = new Lexer(source);
        this.token = new Token(TokenKind.End, null, 0);
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        parser.Advance(operandExpected: true);
        var tree = parser.Expression(0);
        if (parser.token.Kind != TokenKind.End)
        {
            throw Errors.Syntax("S0201", parser.token.Position, TokenText(parser.token));
        }

        return Resolver.Resolve(tree);
    }

    private bool Is(string op) => this.token.Kind == TokenKind.Operator && this.token.Text == op;

    private static string TokenText(Token token) => token.Kind switch
    {
        TokenKind.End => "(end)",
        TokenKind.Regex => ((RegexValue)token.Value!).Source,
        _ => Json.ToDisplayString(token.Value),
    };

    private static int LeftBindingPower(Token token)
    {
        if (token.Kind != TokenKind.Operator)
        {
            return 0;
        }

        return BindingPowers.TryGetValue(token.Text, out var power)
            ? power
            : throw Errors.Syntax("S0204", token.Position, token.Text);
    }

    private Token Advance(bool operandExpected) => this.token = lexer.Next(operandExpected);

    private void Expect(string op, bool operandExpected = true)
    {
        if (!Is(op))
        {
            throw this.token.Kind == TokenKind.End
                ? Errors.Syntax("S0203", this.source.Length, "(end)", op)
                : Errors.Syntax("S0202", this.token.Position, TokenText(this.token), op);
        }

        Advance(operandExpected);
    }

    private Node Expression(int rightBindingPower)
    {
        var token = this.token;
        LeftBindingPower(token);
        Advance(operandExpected: false);
        var left = Prefix(token);
        while (rightBindingPower < LeftBindingPower(this.token))
        {
            token = this.token;
            Advance(operandExpected: true);
            left = Infix(token, left);
        }

        return left;
    }

    private Node Prefix(Token token)
    {
        var position = token.Position;
        switch (token.Kind)
        {
            case TokenKind.Name:
                return new Node(NodeKind.Name, position) { Value = token.Value };
            case TokenKind.Variable:
                return new Node(NodeKind.Variable, position) { Value = token.Value };
            case TokenKind.String or TokenKind.Number or TokenKind.Value:
                return new Node(NodeKind.Literal, position) { Value = token.Value };
            case TokenKind.Regex:
                return new Node(NodeKind.Regex, position) { Value = token.Value };
            case TokenKind.End:
                // Not an error yet: a missing closing bracket (S0203) is the better message when there is one.
                return new Node(NodeKind.EndOfInput, this.source.Length);
        }

        switch (token.Text)
        {
            case "and" or "or" or "in":
                return new Node(NodeKind.Name, position) { Value = token.Text };
            case "-":
                return new Node(NodeKind.Negate, position) { Lhs = Expression(70) };
            case "*":
                return new Node(NodeKind.Wildcard, position);
            case "**":
                return new Node(NodeKind.Descendant, position);
            case "%":
                return new Node(NodeKind.Parent, position);
            case "(":
                return ParseBlock(position);
            case "[":
                return ParseArray(position);
            case "{":
                return new Node(NodeKind.ObjectConstructor, position) { Pairs = ParsePairs() };
            case "|":
                return ParseTransform(position);
            default:
                throw Errors.Syntax("S0211", position, token.Text);
        }
    }

    private Node Infix(Token token, Node left)
    {
        var op = token.Text;
        var position = token.Position;
        switch (op)
        {
            case "(":
                return ParseCall(left, position);
            case "[":
                return ParsePredicate(left, position);
            case "{":
                return new Node(NodeKind.GroupBy, position) { Lhs = left, Pairs = ParsePairs() };
            case "^":
                return new Node(NodeKind.OrderBy, position) { Lhs = left, Terms = ParseSortTerms() };
            case ":=":
                if (left.Kind != NodeKind.Variable)
                {
                    throw Errors.Syntax("S0212", left.Position, left.Text);
                }

                return new Node(NodeKind.Bind, position) { Lhs = left, Rhs = Expression(BindingPowers[":="] - 1) };
            case "@" or "#":
                var variable = Expression(BindingPowers[op]);
                if (variable.Kind != NodeKind.Variable)
                {
                    throw Errors.Syntax("S0214", variable.Position, op);
                }

                return new Node(op == "@" ? NodeKind.FocusBind : NodeKind.IndexBind, position) { Lhs = left, Value = variable.Text };
            case "?":
                var condition = new Node(NodeKind.Condition, position) { Condition = left, Then = Expression(0) };
                if (Is(":"))
                {
                    Advance(operandExpected: true);
                    condition.Else = Expression(0);
                }

                return condition;
            case "?:" or "??":
                return new Node(NodeKind.Condition, position) { Value = op, Then = left, Else = Expression(0) };
            case "~>":
                return new Node(NodeKind.Apply, position) { Value = op, Lhs = left, Rhs = Expression(BindingPowers[op]) };
            default:
                return new Node(NodeKind.Binary, position) { Value = op, Lhs = left, Rhs = Expression(BindingPowers[op]) };
        }
    }

    private Node ParseBlock(int position)
    {
        var block = new Node(NodeKind.Block, position);
        while (!Is(")"))
        {
            block.Items.Add(Expression(0));
            if (!Is(";"))
            {
                break;
            }

            Advance(operandExpected: true);
        }

        Expect(")", operandExpected: false);
        return block;
    }

    private Node ParseArray(int position)
    {
        var array = new Node(NodeKind.ArrayConstructor, position);
        if (!Is("]"))
        {
            while (true)
            {
                var item = Expression(0);
                if (Is(".."))
                {
                    var rangePosition = this.token.Position;
                    Advance(operandExpected: true);
                    item = new Node(NodeKind.Binary, rangePosition) { Value = "..", Lhs = item, Rhs = Expression(0) };
                }

                array.Items.Add(item);
                if (!Is(","))
                {
                    break;
                }

                Advance(operandExpected: true);
            }
        }

        Expect("]", operandExpected: false);
        return array;
    }

    private List<(Node, Node)> ParsePairs()
    {
        var pairs = new List<(Node, Node)>();
        if (!Is("}"))
        {
            while (true)
            {
                var key = Expression(0);
                Expect(":");
                pairs.Add((key, Expression(0)));
                if (!Is(","))
                {
                    break;
                }

                Advance(operandExpected: true);
            }
        }

        Expect("}", operandExpected: false);
        return pairs;
    }

    private Node ParseTransform(int position)
    {
        var transform = new Node(NodeKind.Transform, position) { Lhs = Expression(0) };
        Expect("|");
        transform.Rhs = Expression(0);
        if (Is(","))
        {
            Advance(operandExpected: true);
            transform.Delete = Expression(0);
        }

        Expect("|", operandExpected: false);
        return transform;
    }

    private Node ParsePredicate(Node left, int position)
    {
        if (Is("]"))
        {
            var step = left;
            while (step.Kind == NodeKind.Predicate)
            {
                step = step.Lhs!;
            }

            step.KeepArray = true;
            Advance(operandExpected: true);
            return left;
        }

        var predicate = new Node(NodeKind.Predicate, position) { Lhs = left, Rhs = Expression(0) };
        Expect("]", operandExpected: false);
        return predicate;
    }

    private List<SortTerm> ParseSortTerms()
    {
        Expect("(");
        var terms = new List<SortTerm>();
        while (true)
        {
            var descending = false;
            if (Is("<"))
            {
                Advance(operandExpected: true);
            }
            else if (Is(">"))
            {
                descending = true;
                Advance(operandExpected: true);
            }

            terms.Add(new SortTerm(Expression(0), descending));
            if (!Is(","))
            {
                break;
            }

            Advance(operandExpected: true);
        }

        Expect(")");
        return terms;
    }

    private Node ParseCall(Node procedure, int position)
    {
        var call = new Node(NodeKind.Function, position) { Lhs = procedure };
        if (!Is(")"))
        {
            while (true)
            {
                if (Is("?"))
                {
                    call.Kind = NodeKind.Partial;
                    call.Items.Add(new Node(NodeKind.Placeholder, this.token.Position));
                    Advance(operandExpected: true);
                }
                else
                {
                    call.Items.Add(Expression(0));
                }

                if (!Is(","))
                {
                    break;
                }

                Advance(operandExpected: true);
            }
        }

        Expect(")", operandExpected: false);
        return procedure.Kind == NodeKind.Name && procedure.Text is "function" or "λ" ? ParseLambda(call, position) : call;
    }

    private Node ParseLambda(Node call, int position)
    {
        var lambda = new Node(NodeKind.Lambda, position) { Items = call.Items };
        for (var i = 0; i < lambda.Items.Count; i++)
        {
            if (lambda.Items[i].Kind != NodeKind.Variable)
            {
                throw Errors.Syntax("S0208", lambda.Items[i].Position, lambda.Items[i].Text, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (Is("<"))
        {
            var signaturePosition = this.token.Position;
            var text = new StringBuilder("<");
            var depth = 1;
            while (depth > 0 && !Is("{") && this.token.Kind != TokenKind.End)
            {
                var token = Advance(operandExpected: true);
                if (token.Kind == TokenKind.Operator && token.Text == ">")
                {
                    depth--;
                }
                else if (token.Kind == TokenKind.Operator && token.Text == "<")
                {
                    depth++;
                }

                text.Append(token.Value is string s ? s : Json.ToDisplayString(token.Value));
            }

            Expect(">");
            lambda.Signature = Signature.Parse(text.ToString(), signaturePosition);
        }

        Expect("{");
        lambda.Body = Expression(0);
        Expect("}", operandExpected: false);
        return lambda;
    }
}
