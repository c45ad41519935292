using System.Runtime.CompilerServices;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// Walks a resolved expression tree for one input. Values are C# objects: <c>null</c> is undefined,
/// <see cref="JNull"/> is JSON null, then <see cref="double"/>, <see cref="string"/>, <see cref="bool"/>,
/// <see cref="JArray"/>, <see cref="JObject"/> and <see cref="JFunction"/>. One instance serves one
/// evaluation: it carries the cancellation token and the time limit, and it turns a runaway
/// recursion into error D1011 before the .NET stack overflows.
/// </summary>
internal sealed partial class Evaluator(TimeProvider clock, TimeSpan timeLimit, int depthLimit, CancellationToken cancellationToken)
{
    private readonly DateTimeOffset now = clock.GetUtcNow();
    private readonly long started = clock.GetTimestamp();

    /// <summary>The time <c>$now()</c> and <c>$millis()</c> return, fixed for the whole evaluation.</summary>
    public DateTimeOffset Now => this.now;

    private int steps;
    private int depth;

    public object? Evaluate(Node expr, object? input, Frame env)
    {
        Guard();
        depth++;
        try
        {
            return EvaluateGuarded(expr, input, env);
        }
        finally
        {
            depth--;
        }
    }

    private object? EvaluateGuarded(Node expr, object? input, Frame env)
    {
        var result = expr.Kind switch
        {
            NodeKind.Path => EvaluatePath(expr, input, env),
            NodeKind.Binary => EvaluateBinary(expr, input, env),
            NodeKind.Negate => EvaluateNegate(expr, input, env),
            NodeKind.ArrayConstructor => EvaluateArray(expr, input, env),
            NodeKind.ObjectConstructor => EvaluateGroup(expr, input, env),
            NodeKind.Name => Lookup(input, expr.Text),
            NodeKind.Literal => expr.Value,
            NodeKind.Wildcard => EvaluateWildcard(input),
            NodeKind.Descendant => EvaluateDescendants(input),
            NodeKind.Parent => env.Lookup(expr.Slot!.Label),
            NodeKind.Condition => EvaluateCondition(expr, input, env),
            NodeKind.Block => EvaluateBlock(expr, input, env),
            NodeKind.Bind => EvaluateBind(expr, input, env),
            NodeKind.Regex => expr.Value,
            NodeKind.Function => EvaluateCall(expr, input, env, null, false),
            NodeKind.Variable => EvaluateVariable(expr, input, env),
            NodeKind.Lambda => new Lambda(expr, env, input, expr.Items.Select(p => p.Text).ToList()),
            NodeKind.Partial => EvaluatePartial(expr, input, env),
            NodeKind.Apply => EvaluateApply(expr, input, env),
            NodeKind.Transform => new TransformFunction(expr, env),
            _ => throw Errors.Create("S0206", expr.Position, expr.Kind.ToString()),
        };

        if (expr.Predicates is not null)
        {
            foreach (var stage in expr.Predicates)
            {
                result = EvaluateFilter(stage.Filter!, result, env);
            }
        }

        if (expr.Kind != NodeKind.Path && expr.Group is not null)
        {
            result = EvaluateGroup(expr.Group, result, env);
        }

        if (result is JArray { IsSequence: true, TupleStream: false } sequence)
        {
            if (expr.KeepArray)
            {
                sequence.KeepSingleton = true;
            }

            if (sequence.Count == 0)
            {
                return null;
            }

            if (sequence.Count == 1 && !sequence.KeepSingleton)
            {
                return sequence[0];
            }
        }

        return result;
    }

    private void Guard()
    {
        if (depth >= depthLimit || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Errors.Create("D1011");
        }

        if ((++steps & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (clock.GetElapsedTime(started) > timeLimit)
            {
                throw Errors.Create("D1012", value: ((long)timeLimit.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    private static object? EvaluateVariable(Node expr, object? input, Frame env)
    {
        if (expr.Text.Length == 0)
        {
            return input is JArray { OuterWrapper: true } wrapper ? wrapper[0] : input;
        }

        return env.Lookup(expr.Text);
    }

    private object? EvaluateCondition(Node expr, object? input, Frame env)
    {
        switch (expr.Value as string)
        {
            case "??":
                var value = Evaluate(expr.Then!, input, env);
                return value ?? Evaluate(expr.Else!, input, env);
            case "?:":
                var candidate = Evaluate(expr.Then!, input, env);
                return Builtins.ToBoolean(candidate) == true ? candidate : Evaluate(expr.Else!, input, env);
        }

        var condition = Evaluate(expr.Condition!, input, env);
        if (Builtins.ToBoolean(condition) == true)
        {
            return Evaluate(expr.Then!, input, env);
        }

        return expr.Else is null ? null : Evaluate(expr.Else, input, env);
    }

    private object? EvaluateBlock(Node expr, object? input, Frame env)
    {
        var frame = new Frame(env);
        object? result = null;
        foreach (var item in expr.Items)
        {
            result = Evaluate(item, input, frame);
        }

        return result;
    }

    private object? EvaluateBind(Node expr, object? input, Frame env)
    {
        var value = Evaluate(expr.Rhs!, input, env);
        env.Bind(expr.Lhs!.Text, value);
        return value;
    }

    private JArray EvaluateArray(Node expr, object? input, Frame env)
    {
        var result = new JArray(expr.Items.Count);
        foreach (var item in expr.Items)
        {
            var value = Evaluate(item, input, env);
            if (value is null)
            {
                continue;
            }

            if (item.Kind == NodeKind.ArrayConstructor)
            {
                result.Add(value);
            }
            else if (value is JArray array)
            {
                result.AddRange(array);
            }
            else
            {
                result.Add(value);
            }
        }

        if (expr.ConsArray)
        {
            result.IsConstructed = true;
        }

        return result;
    }

    private static JArray EvaluateWildcard(object? input)
    {
        var results = JArray.Sequence();
        if (input is JArray { OuterWrapper: true, Count: > 0 } wrapper)
        {
            input = wrapper[0];
        }

        // Over an array (JavaScript sees one as an object keyed by index) the wildcard yields its items.
        IEnumerable<object?>? values = input switch
        {
            JObject obj => obj.Values,
            JArray array => array,
            _ => null,
        };
        if (values is not null)
        {
            foreach (var value in values)
            {
                if (value is JArray array)
                {
                    Flatten(array, results);
                }
                else
                {
                    results.Add(value);
                }
            }
        }

        return results;
    }

    private static void Flatten(object? value, JArray into)
    {
        if (value is JArray array)
        {
            foreach (var item in array)
            {
                Flatten(item, into);
            }
        }
        else
        {
            into.Add(value);
        }
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
        {
            return null;
        }

        var results = JArray.Sequence();
        CollectDescendants(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void CollectDescendants(object? input, JArray results)
    {
        if (input is JArray array)
        {
            foreach (var item in array)
            {
                CollectDescendants(item, results);
            }

            return;
        }

        results.Add(input);
        if (input is JObject obj)
        {
            foreach (var value in obj.Values)
            {
                CollectDescendants(value, results);
            }
        }
    }

    /// <summary>The value of a field: over an array, the field of every item, flattened into a sequence.</summary>
    public static object? Lookup(object? input, string key)
    {
        switch (input)
        {
            case JObject obj:
                return obj.TryGetValue(key, out var value) ? value : null;
            case JArray array:
                var results = JArray.Sequence();
                foreach (var item in array)
                {
                    var found = Lookup(item, key);
                    if (found is null)
                    {
                        continue;
                    }

                    if (found is JArray nested)
                    {
                        results.AddRange(nested);
                    }
                    else
                    {
                        results.Add(found);
                    }
                }

                return results;
            default:
                return null;
        }
    }
}
