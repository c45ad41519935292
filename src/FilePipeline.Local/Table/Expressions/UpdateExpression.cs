using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>The right-hand side of a SET action.</summary>
internal abstract record UpdateValue
{
    /// <summary>Computed from the item as it was before the update, as DynamoDB does for every action.</summary>
    public abstract JsonObject Evaluate(JsonObject item);
}

internal sealed record OperandValue(Operand Operand) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item) => Operand.Evaluate(item)?.DeepClone().AsObject() ?? throw DynamoDbErrors.MissingOperand();
}

internal sealed record IfNotExistsValue(DocumentPath Path, UpdateValue Fallback) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item) => Documents.Get(item, Path)?.DeepClone().AsObject() ?? Fallback.Evaluate(item);
}

internal sealed record ListAppendValue(UpdateValue First, UpdateValue Second) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item)
    {
        var first = First.Evaluate(item);
        var second = Second.Evaluate(item);
        if (AttributeValues.TypeOf(first) != AttributeValues.List || AttributeValues.TypeOf(second) != AttributeValues.List)
        {
            throw DynamoDbErrors.IncorrectOperandType();
        }

        var elements = AttributeValues.Elements(first).Concat(AttributeValues.Elements(second)).Select(element => element!.DeepClone());
        return new JsonObject { [AttributeValues.List] = new JsonArray([.. elements]) };
    }
}

internal sealed record ArithmeticValue(UpdateValue Left, char Operator, UpdateValue Right) : UpdateValue
{
    public override JsonObject Evaluate(JsonObject item)
    {
        var left = Left.Evaluate(item);
        var right = Right.Evaluate(item);
        if (AttributeValues.TypeOf(left) != AttributeValues.Number || AttributeValues.TypeOf(right) != AttributeValues.Number)
        {
            throw DynamoDbErrors.IncorrectOperandType();
        }

        var a = AttributeValues.AsNumber(left);
        var b = AttributeValues.AsNumber(right);
        return AttributeValues.NumberValue(Operator == '+' ? a + b : a - b);
    }
}

internal enum UpdateActionKind
{
    Set,
    Remove,
    Add,
    Delete,
}

/// <summary>One action of an UpdateExpression; Value is the SET value, Operand the ADD/DELETE value.</summary>
internal sealed record UpdateAction(UpdateActionKind Kind, DocumentPath Path, UpdateValue? Value = null, JsonObject? Operand = null);

/// <summary>A parsed UpdateExpression: SET, REMOVE, ADD and DELETE actions applied as one change.</summary>
internal sealed record UpdateExpression(IReadOnlyList<UpdateAction> Actions)
{
    public IEnumerable<DocumentPath> Paths => Actions.Select(action => action.Path);

    /// <summary>Returns the updated copy of <paramref name="item"/>; the original is left as it was.</summary>
    public JsonObject Apply(JsonObject item)
    {
        var setValues = Actions.Where(action => action.Kind == UpdateActionKind.Set).Select(action => (action.Path, Value: action.Value!.Evaluate(item))).ToList();
        var updated = item.DeepClone().AsObject();
        foreach (var (path, value) in setValues)
        {
            Documents.Set(updated, path, value);
        }

        // Indexes in REMOVE refer to the list as it was, so remove from the highest index down.
        var removals = Actions.Where(action => action.Kind == UpdateActionKind.Remove)
            .OrderByDescending(action => action.Path.Elements[^1].IsIndex ? action.Path.Elements[^1].Index : -1);
        foreach (var removal in removals)
        {
            Documents.Remove(updated, removal.Path);
        }

        foreach (var action in Actions.Where(action => action.Kind is UpdateActionKind.Add or UpdateActionKind.Delete))
        {
            ApplyAddOrDelete(updated, action);
        }

        return updated;
    }

    private static void ApplyAddOrDelete(JsonObject item, UpdateAction action)
    {
        var operand = action.Operand!;
        var operandType = AttributeValues.TypeOf(operand);
        var existing = Documents.Get(item, action.Path);
        if (existing is null)
        {
            if (action.Kind == UpdateActionKind.Add)
            {
                Documents.Set(item, action.Path, operand.DeepClone().AsObject());
            }

            return;
        }

        var existingType = AttributeValues.TypeOf(existing);
        if (existingType != operandType)
        {
            throw DynamoDbErrors.IncorrectOperandType();
        }

        if (operandType == AttributeValues.Number)
        {
            Documents.Set(item, action.Path, AttributeValues.NumberValue(AttributeValues.AsNumber(existing) + AttributeValues.AsNumber(operand)));
            return;
        }

        var current = AttributeValues.SetElements(existing);
        var change = AttributeValues.SetElements(operand);
        var result = action.Kind == UpdateActionKind.Add
            ? current.Concat(change.Where(element => !current.Any(other => AttributeValues.AreEqual(element, other))))
            : current.Where(element => !change.Any(other => AttributeValues.AreEqual(element, other)));
        if (AttributeValues.SetOf(operandType, result) is { } set)
        {
            Documents.Set(item, action.Path, set);
        }
        else
        {
            Documents.Remove(item, action.Path);
        }
    }
}
