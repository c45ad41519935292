namespace FilePipeline.Local.Table.Expressions;

/// <summary>The condition grammar (ConditionExpression, FilterExpression): OR, AND, NOT, comparisons, BETWEEN, IN, functions.</summary>
internal sealed partial class ExpressionParser
{
    private static readonly string[] Comparators = ["=", "<>", "<", "<=", ">", ">="];
    private static readonly string[] ConditionFunctions = ["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"];
    private const int MaxInOperands = 100;

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
}
