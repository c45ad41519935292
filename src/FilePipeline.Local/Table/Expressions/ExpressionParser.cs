using System.Globalization;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>
/// Recursive-descent parser for DynamoDB's expression languages. Precedence, loosest first:
/// OR, AND, NOT, then comparisons/BETWEEN/IN/functions, with parentheses to override.
/// Placeholders are resolved while parsing so errors name the expression they occur in.
/// </summary>
internal sealed class ExpressionParser
{
    private static readonly string[] Comparators = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] ConditionFunctions = ["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"];
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];
    private const int MaxInOperands = 100;

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

    private Condition ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsKeyword("OR"))
        {
            position++;
            left = new OrCondition(left, ParseAnd());
        }

        return left;
    }

    private Condition ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsKeyword("AND"))
        {
            position++;
            left = new AndCondition(left, ParseNot());
        }

        return left;
    }

    private Condition ParseNot()
    {
        if (Current.IsKeyword("NOT"))
        {
            position++;
            return new NotCondition(ParseNot());
        }

        return ParsePredicate();
    }

    private Condition ParsePredicate()
    {
        if (TryConsumeSymbol("("))
        {
            var inner = ParseOr();
            ExpectSymbol(")");
            return inner;
        }

        if (IsFunctionCall() && ConditionFunctions.Contains(Current.Text, StringComparer.Ordinal))
        {
            return ParseConditionFunction();
        }

        var operand = ParseOperand();
        if (Current.Kind == TokenKind.Symbol && Comparators.Contains(Current.Text))
        {
            var comparator = Current.Text;
            position++;
            var right = ParseOperand();
            if (comparator is not ("=" or "<>"))
            {
                RequireOrderable(comparator, operand, right);
            }

            RequireDistinctFirst(comparator, operand, right);

            return new ComparisonCondition(operand, comparator, right);
        }

        if (Current.IsKeyword("BETWEEN"))
        {
            position++;
            var lower = ParseOperand();
            ExpectKeyword("AND");
            var upper = ParseOperand();
            RequireOrderable("BETWEEN", operand, lower, upper);
            RequireDistinctFirst("BETWEEN", operand, lower, upper);
            if (lower is ValueOperand { Value: var low } && upper is ValueOperand { Value: var high } && AttributeValues.Compare(low, high) > 0)
            {
                throw DynamoDbErrors.InvalidExpression(kind, $"The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {Describe(low)}, upper bound operand: AttributeValue: {Describe(high)}");
            }

            return new BetweenCondition(operand, lower, upper);
        }

        if (Current.IsKeyword("IN"))
        {
            position++;
            ExpectSymbol("(");
            var candidates = new List<Operand> { ParseOperand() };
            while (TryConsumeSymbol(","))
            {
                candidates.Add(ParseOperand());
            }

            ExpectSymbol(")");
            RequireDistinctFirst("IN", operand, [.. candidates]);
            if (candidates.Count > MaxInOperands)
            {
                throw DynamoDbErrors.InvalidExpression(kind, $"The IN operator is provided with too many operands; number of operands: {candidates.Count}");
            }

            return new InCondition(operand, candidates);
        }

        throw SyntaxError();
    }

    private Condition ParseConditionFunction()
    {
        var name = Current.Text;
        var arguments = ParseFunctionArguments(ParseOperand);
        switch (name)
        {
            case "attribute_exists":
            case "attribute_not_exists":
                RequireArgumentCount(name, arguments, 1);
                return new AttributeExistsCondition(RequirePath(name, arguments[0]), name == "attribute_exists");
            case "attribute_type":
                RequireArgumentCount(name, arguments, 2);
                return new AttributeTypeCondition(RequirePath(name, arguments[0]), RequireTypeName(arguments[1]));
            case "begins_with":
                RequireArgumentCount(name, arguments, 2);
                RequireOperandTypes(name, arguments[1], AttributeValues.String, AttributeValues.Binary);
                RequireDistinctFirst(name, arguments[0], arguments[1]);
                return new BeginsWithCondition(arguments[0], arguments[1]);
            default:
                RequireArgumentCount(name, arguments, 2);
                RequireDistinctFirst(name, arguments[0], arguments[1]);
                return new ContainsCondition(arguments[0], arguments[1]);
        }
    }

    private Operand ParseOperand()
    {
        if (Current.Kind == TokenKind.ValuePlaceholder)
        {
            var value = attributes.ResolveValue(Current.Text, kind);
            position++;
            return new ValueOperand(value);
        }

        if (IsFunctionCall())
        {
            var name = Current.Text;
            if (name != "size")
            {
                throw ConditionFunctions.Contains(name, StringComparer.Ordinal)
                    ? DynamoDbErrors.InvalidExpression(kind, $"The function is not allowed to be used this way in an expression; function: {name}")
                    : DynamoDbErrors.InvalidExpression(kind, $"Invalid function name; function: {name}");
            }

            var arguments = ParseFunctionArguments(ParseOperand);
            RequireArgumentCount(name, arguments, 1);
            return new SizeOperand(RequirePath(name, arguments[0]));
        }

        return new PathOperand(ParsePath());
    }

    private UpdateExpression ParseUpdateClauses()
    {
        var actions = new List<UpdateAction>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var clause = Array.Find(UpdateClauses, Current.IsKeyword) ?? throw SyntaxError();
            if (!seen.Add(clause))
            {
                throw DynamoDbErrors.InvalidExpression(kind, $"The \"{clause}\" section can only be used once in an update expression;");
            }

            position++;
            do
            {
                actions.Add(ParseUpdateAction(clause));
            }
            while (TryConsumeSymbol(","));
        }
        while (Current.Kind != TokenKind.End);

        return new UpdateExpression(actions);
    }

    private UpdateAction ParseUpdateAction(string clause)
    {
        var path = ParsePath();
        switch (clause)
        {
            case "SET":
                ExpectSymbol("=");
                return new UpdateAction(UpdateActionKind.Set, path, Value: ParseSetValue());
            case "REMOVE":
                return new UpdateAction(UpdateActionKind.Remove, path);
            default:
                if (Current.Kind != TokenKind.ValuePlaceholder)
                {
                    throw SyntaxError();
                }

                var value = attributes.ResolveValue(Current.Text, kind);
                position++;
                var type = AttributeValues.TypeOf(value);
                var allowed = clause == "ADD" ? type == AttributeValues.Number || AttributeValues.IsSet(type) : AttributeValues.IsSet(type);
                if (!allowed)
                {
                    throw DynamoDbErrors.InvalidExpression(kind, $"Incorrect operand type for operator or function; operator: {clause}, operand type: {AttributeValues.OperandTypeName(type)}");
                }

                return new UpdateAction(clause == "ADD" ? UpdateActionKind.Add : UpdateActionKind.Delete, path, Operand: value);
        }
    }

    private UpdateValue ParseSetValue()
    {
        var left = ParseSetOperand();
        if (Current.IsSymbol("+") || Current.IsSymbol("-"))
        {
            var op = Current.Text[0];
            position++;
            return new ArithmeticValue(left, op, ParseSetOperand());
        }

        return left;
    }

    private UpdateValue ParseSetOperand()
    {
        if (Current.Kind == TokenKind.ValuePlaceholder)
        {
            var value = attributes.ResolveValue(Current.Text, kind);
            position++;
            return new OperandValue(new ValueOperand(value));
        }

        if (!IsFunctionCall())
        {
            return new OperandValue(new PathOperand(ParsePath()));
        }

        var name = Current.Text;
        switch (name)
        {
            case "if_not_exists":
                var fallbackArguments = ParseFunctionArguments(ParseSetOperand);
                RequireArgumentCount(name, fallbackArguments, 2);
                var path = fallbackArguments[0] is OperandValue { Operand: PathOperand pathOperand }
                    ? pathOperand.Path
                    : throw DynamoDbErrors.InvalidExpression(kind, $"Operator or function requires a document path; operator or function: {name}");
                return new IfNotExistsValue(path, fallbackArguments[1]);
            case "list_append":
                var lists = ParseFunctionArguments(ParseSetOperand);
                RequireArgumentCount(name, lists, 2);
                return new ListAppendValue(lists[0], lists[1]);
            default:
                throw DynamoDbErrors.InvalidExpression(kind, $"Invalid function name; function: {name}");
        }
    }

    private DocumentPath ParsePath()
    {
        var elements = new List<PathElement> { new(ParsePathName(), 0) };
        while (true)
        {
            if (TryConsumeSymbol("."))
            {
                elements.Add(new PathElement(ParsePathName(), 0));
            }
            else if (TryConsumeSymbol("["))
            {
                if (Current.Kind != TokenKind.Integer || !int.TryParse(Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw SyntaxError();
                }

                position++;
                ExpectSymbol("]");
                elements.Add(new PathElement(null, index));
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    private string ParsePathName()
    {
        var token = Current;
        if (token.Kind == TokenKind.NamePlaceholder)
        {
            position++;
            return attributes.ResolveName(token.Text, kind);
        }

        if (token.Kind != TokenKind.Name)
        {
            throw SyntaxError();
        }

        if (ReservedWords.Contains(token.Text))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"Attribute name is a reserved keyword; reserved keyword: {token.Text}");
        }

        position++;
        return token.Text;
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

    private void CheckDistinctPaths(List<DocumentPath> paths)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (paths[j].Overlaps(paths[i]))
                {
                    throw DynamoDbErrors.InvalidExpression(kind, $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {paths[j]}, path two: {paths[i]}");
                }

                if (paths[j].ConflictsWith(paths[i]))
                {
                    throw DynamoDbErrors.InvalidExpression(kind, $"Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {paths[j]}, path two: {paths[i]}");
                }
            }
        }
    }

    private void RequireArgumentCount<T>(string function, List<T> arguments, int count)
    {
        if (arguments.Count != count)
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"Incorrect number of operands for operator or function; operator or function: {function}, number of operands: {arguments.Count}");
        }
    }

    private DocumentPath RequirePath(string function, Operand operand) =>
        operand is PathOperand { Path: var path }
            ? path
            : throw DynamoDbErrors.InvalidExpression(kind, $"Operator or function requires a document path; operator or function: {function}");

    private string RequireTypeName(Operand operand)
    {
        if (operand is ValueOperand { Value: var value } && AttributeValues.TypeOf(value) == AttributeValues.String)
        {
            var type = AttributeValues.AsString(value);
            return AttributeValues.TypeNames.Contains(type)
                ? type
                : throw DynamoDbErrors.InvalidExpression(kind, $"Invalid attribute type name found; type: {type}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
        }

        RequireOperandTypes("attribute_type", operand, AttributeValues.String);
        throw DynamoDbErrors.InvalidExpression(kind, "Operator or function requires an attribute value; operator or function: attribute_type");
    }

    /// <summary>DynamoDB rejects comparing an attribute with itself (<c>a = a</c>, <c>a IN (b, a)</c>) as a likely mistake.</summary>
    private void RequireDistinctFirst(string function, Operand first, params Operand[] rest)
    {
        if (first is PathOperand { Path: var path } && rest.Any(operand => operand is PathOperand { Path: var other } && other.Equals(path)))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"The first operand must be distinct from the remaining operands for this operator or function; operator: {function}, first operand: {path}");
        }
    }

    /// <summary>Ordering operators accept only strings, numbers and binaries; literal operands are checked up front.</summary>
    private void RequireOrderable(string function, params Operand[] operands)
    {
        foreach (var operand in operands)
        {
            RequireOperandTypes(function, operand, AttributeValues.String, AttributeValues.Number, AttributeValues.Binary);
        }
    }

    private void RequireOperandTypes(string function, Operand operand, params string[] types)
    {
        if (operand is ValueOperand { Value: var value } && !types.Contains(AttributeValues.TypeOf(value)))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {AttributeValues.TypeOf(value)}");
        }
    }

    private static string Describe(JsonObject value) => $"{{{AttributeValues.TypeOf(value)}:{value.First().Value}}}";

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
