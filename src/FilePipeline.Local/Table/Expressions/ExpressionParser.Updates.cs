namespace FilePipeline.Local.Table.Expressions;

/// <summary>The UpdateExpression grammar: SET, REMOVE, ADD and DELETE clauses and SET's values.</summary>
internal sealed partial class ExpressionParser
{
    private static readonly string[] UpdateClauses = ["SET", "REMOVE", "ADD", "DELETE"];

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
}
