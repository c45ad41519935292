namespace FilePipeline.States.Jsonata;

/// <summary>
/// Rewrites the parser's syntax tree into the form the evaluator walks: a chain of <c>.</c> becomes a
/// path of steps, predicates, index/focus bindings and group-bys attach to the step they follow,
/// order-by becomes a sort step, parent references (<c>%</c>) are linked to the step whose input they
/// mean, and calls in tail position are marked so recursion does not grow the stack.
/// </summary>
internal sealed partial class Resolver
{
    private readonly List<Node> ancestry = [];
    private int ancestorLabel;

    public static Node Resolve(Node tree)
    {
        var resolver = new Resolver();
        var result = resolver.Process(tree);
        if (result.Kind == NodeKind.Parent || result.SeekingParent is not null)
        {
            throw Errors.Syntax("S0217", result.Position, result.Kind.ToString().ToLowerInvariant());
        }

        return result;
    }

    private Node Process(Node expr)
    {
        var result = expr.Kind switch
        {
            NodeKind.Binary when expr.Text == "." => ProcessPath(expr),
            NodeKind.Predicate => ProcessPredicate(expr),
            NodeKind.GroupBy => ProcessGroupBy(expr),
            NodeKind.OrderBy => ProcessOrderBy(expr),
            NodeKind.FocusBind => ProcessFocus(expr),
            NodeKind.IndexBind => ProcessIndex(expr),
            NodeKind.Bind => ProcessBind(expr),
            NodeKind.Apply => ProcessApply(expr),
            NodeKind.Binary => ProcessBinary(expr),
            NodeKind.ArrayConstructor => ProcessChildren(expr, expr.Items),
            NodeKind.ObjectConstructor => ProcessObject(expr),
            NodeKind.Negate => ProcessNegate(expr),
            NodeKind.Function or NodeKind.Partial => ProcessCall(expr),
            NodeKind.Lambda => ProcessLambda(expr),
            NodeKind.Condition => ProcessCondition(expr),
            NodeKind.Transform => ProcessTransform(expr),
            NodeKind.Block => ProcessBlock(expr),
            NodeKind.Name => new Node(NodeKind.Path, expr.Position) { Items = [expr], KeepSingletonArray = expr.KeepArray },
            NodeKind.Parent => ProcessParent(expr),
            NodeKind.EndOfInput => throw Errors.Syntax("S0207", expr.Position, "(end)"),
            _ => expr,
        };
        if (expr.KeepArray)
        {
            result.KeepArray = true;
        }

        return result;
    }

    private Node ProcessPath(Node expr)
    {
        var left = Process(expr.Lhs!);
        var path = left.Kind == NodeKind.Path ? left : new Node(NodeKind.Path, left.Position) { Items = [left] };
        if (left.Kind == NodeKind.Parent)
        {
            path.SeekingParent = [left.Slot!];
        }

        var rest = Process(expr.Rhs!);
        if (rest.Kind == NodeKind.Path)
        {
            path.Items.AddRange(rest.Items);
        }
        else
        {
            if (rest.Predicates is not null)
            {
                rest.Stages = rest.Predicates;
                rest.Predicates = null;
            }

            path.Items.Add(rest);
        }

        foreach (var step in path.Items)
        {
            if (step.Kind == NodeKind.Literal)
            {
                if (step.Value is not string)
                {
                    throw Errors.Syntax("S0213", step.Position, value: Json.ToDisplayString(step.Value));
                }

                step.Kind = NodeKind.Name;
            }

            if (step.KeepArray)
            {
                path.KeepSingletonArray = true;
            }
        }

        if (path.Items[0].Kind == NodeKind.ArrayConstructor)
        {
            path.Items[0].ConsArray = true;
        }

        if (path.Items[^1].Kind == NodeKind.ArrayConstructor)
        {
            path.Items[^1].ConsArray = true;
        }

        ResolveAncestry(path);
        return path;
    }

    private Node ProcessPredicate(Node expr)
    {
        var result = Process(expr.Lhs!);
        var step = result.Kind == NodeKind.Path ? result.Items[^1] : result;
        if (step.Group is not null)
        {
            throw Errors.Syntax("S0209", expr.Position);
        }

        var predicate = Process(expr.Rhs!);
        if (predicate.SeekingParent is not null)
        {
            foreach (var slot in predicate.SeekingParent)
            {
                if (slot.Level == 1)
                {
                    SeekParent(step, slot);
                }
                else
                {
                    slot.Level--;
                }
            }

            PushAncestry(step, predicate);
        }

        var stage = new Stage(predicate, null, expr.Position);
        if (result.Kind == NodeKind.Path)
        {
            (step.Stages ??= []).Add(stage);
        }
        else
        {
            (step.Predicates ??= []).Add(stage);
        }

        return result;
    }

    private Node ProcessGroupBy(Node expr)
    {
        var result = Process(expr.Lhs!);
        if (result.Group is not null)
        {
            throw Errors.Syntax("S0210", expr.Position);
        }

        result.Group = new Node(NodeKind.ObjectConstructor, expr.Position)
        {
            Pairs = expr.Pairs.Select(pair => (Process(pair.Key), Process(pair.Value))).ToList(),
        };
        return result;
    }

    private Node ProcessOrderBy(Node expr)
    {
        var result = Process(expr.Lhs!);
        if (result.Kind != NodeKind.Path)
        {
            result = new Node(NodeKind.Path, result.Position) { Items = [result] };
        }

        var sort = new Node(NodeKind.Sort, expr.Position);
        foreach (var term in expr.Terms)
        {
            var expression = Process(term.Expression);
            PushAncestry(sort, expression);
            sort.Terms.Add(term with { Expression = expression });
        }

        result.Items.Add(sort);
        ResolveAncestry(result);
        return result;
    }

    private Node ProcessFocus(Node expr)
    {
        var result = Process(expr.Lhs!);
        var step = result.Kind == NodeKind.Path ? result.Items[^1] : result;
        if (step.Stages is not null || step.Predicates is not null)
        {
            throw Errors.Syntax("S0215", expr.Position);
        }

        if (step.Kind == NodeKind.Sort)
        {
            throw Errors.Syntax("S0216", expr.Position);
        }

        if (expr.KeepArray)
        {
            step.KeepArray = true;
        }

        step.Focus = expr.Text;
        step.Tuple = true;
        return result;
    }

    private Node ProcessIndex(Node expr)
    {
        var result = Process(expr.Lhs!);
        var step = result;
        if (result.Kind == NodeKind.Path)
        {
            step = result.Items[^1];
        }
        else
        {
            result = new Node(NodeKind.Path, result.Position) { Items = [result] };
            if (step.Predicates is not null)
            {
                step.Stages = step.Predicates;
                step.Predicates = null;
            }
        }

        if (step.Stages is null)
        {
            step.Index = expr.Text;
        }
        else
        {
            step.Stages.Add(new Stage(null, expr.Text, expr.Position));
        }

        step.Tuple = true;
        return result;
    }

    private Node ProcessBind(Node expr)
    {
        var result = new Node(NodeKind.Bind, expr.Position) { Lhs = expr.Lhs, Rhs = Process(expr.Rhs!) };
        PushAncestry(result, result.Rhs);
        return result;
    }

    private Node ProcessApply(Node expr)
    {
        var result = new Node(NodeKind.Apply, expr.Position) { Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
        result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
        return result;
    }

    private Node ProcessBinary(Node expr)
    {
        var result = new Node(NodeKind.Binary, expr.Position) { Value = expr.Value, Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
        PushAncestry(result, result.Lhs);
        PushAncestry(result, result.Rhs);
        return result;
    }

    private Node ProcessChildren(Node expr, List<Node> children)
    {
        for (var i = 0; i < children.Count; i++)
        {
            children[i] = Process(children[i]);
            PushAncestry(expr, children[i]);
        }

        return expr;
    }

    private Node ProcessObject(Node expr)
    {
        for (var i = 0; i < expr.Pairs.Count; i++)
        {
            var key = Process(expr.Pairs[i].Key);
            PushAncestry(expr, key);
            var value = Process(expr.Pairs[i].Value);
            PushAncestry(expr, value);
            expr.Pairs[i] = (key, value);
        }

        return expr;
    }

    private Node ProcessNegate(Node expr)
    {
        var operand = Process(expr.Lhs!);
        if (operand.Kind == NodeKind.Literal && operand.Value is double number)
        {
            operand.Value = -number;
            return operand;
        }

        expr.Lhs = operand;
        PushAncestry(expr, operand);
        return expr;
    }

    private Node ProcessCall(Node expr)
    {
        ProcessChildren(expr, expr.Items);
        expr.Lhs = Process(expr.Lhs!);
        return expr;
    }

    private Node ProcessLambda(Node expr)
    {
        expr.Body = TailCallOptimize(Process(expr.Body!));
        return expr;
    }

    private Node ProcessCondition(Node expr)
    {
        if (expr.Condition is not null)
        {
            expr.Condition = Process(expr.Condition);
            PushAncestry(expr, expr.Condition);
        }

        expr.Then = Process(expr.Then!);
        PushAncestry(expr, expr.Then);
        if (expr.Else is not null)
        {
            expr.Else = Process(expr.Else);
            PushAncestry(expr, expr.Else);
        }

        return expr;
    }

    private Node ProcessTransform(Node expr)
    {
        expr.Lhs = Process(expr.Lhs!);
        expr.Rhs = Process(expr.Rhs!);
        if (expr.Delete is not null)
        {
            expr.Delete = Process(expr.Delete);
        }

        return expr;
    }

    private Node ProcessBlock(Node expr)
    {
        for (var i = 0; i < expr.Items.Count; i++)
        {
            var part = Process(expr.Items[i]);
            PushAncestry(expr, part);
            if (part.ConsArray || (part.Kind == NodeKind.Path && part.Items[0].ConsArray))
            {
                expr.ConsArray = true;
            }

            expr.Items[i] = part;
        }

        return expr;
    }

    private static Node TailCallOptimize(Node expr)
    {
        switch (expr.Kind)
        {
            case NodeKind.Function when expr.Predicates is null:
                return new Node(NodeKind.Lambda, expr.Position) { Thunk = true, Body = expr };
            case NodeKind.Condition when expr.Condition is not null:
                expr.Then = TailCallOptimize(expr.Then!);
                if (expr.Else is not null)
                {
                    expr.Else = TailCallOptimize(expr.Else);
                }

                return expr;
            case NodeKind.Block when expr.Items.Count > 0:
                expr.Items[^1] = TailCallOptimize(expr.Items[^1]);
                return expr;
            default:
                return expr;
        }
    }
}
