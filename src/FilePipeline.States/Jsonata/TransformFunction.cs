namespace FilePipeline.States.Jsonata;

/// <summary>
/// <c>| pattern | update [, delete] |</c>: a function returning a deep copy of its argument in which
/// every object the pattern matches is merged with the update object and loses the deleted keys.
/// </summary>
internal sealed class TransformFunction(Node node, Frame scope) : JFunction
{
    private static readonly Signature TransformSignature = Signature.Parse("<(oa):o>");

    public override int Arity => 1;

    public override Signature? Signature => TransformSignature;

    public override object? Invoke(Evaluator evaluator, List<object?> arguments, object? input)
    {
        var target = arguments.Count > 0 ? arguments[0] : null;
        if (target is null)
        {
            return null;
        }

        if (scope.Lookup("clone") is not JFunction clone)
        {
            throw Errors.Create("T2013", node.Position);
        }

        var result = evaluator.Apply(clone, [target], null, scope);
        var matches = evaluator.Evaluate(node.Lhs!, result, scope);
        if (matches is null)
        {
            return result;
        }

        foreach (var match in matches as JArray ?? [matches])
        {
            Update(evaluator, match);
            Delete(evaluator, match);
        }

        return result;
    }

    private void Update(Evaluator evaluator, object? match)
    {
        var update = evaluator.Evaluate(node.Rhs!, match, scope);
        if (update is null)
        {
            return;
        }

        if (update is not JObject changes)
        {
            throw Errors.Value("T2011", update, node.Rhs!.Position);
        }

        if (match is JObject target)
        {
            foreach (var (key, value) in changes)
            {
                target[key] = value;
            }
        }
    }

    private void Delete(Evaluator evaluator, object? match)
    {
        if (node.Delete is null)
        {
            return;
        }

        var deletions = evaluator.Evaluate(node.Delete, match, scope);
        if (deletions is null)
        {
            return;
        }

        var keys = deletions as JArray ?? [deletions];
        if (!keys.All(key => key is string))
        {
            throw Errors.Value("T2012", deletions, node.Delete.Position);
        }

        if (match is JObject target)
        {
            foreach (var key in keys)
            {
                target.Remove((string)key!);
            }
        }
    }
}
