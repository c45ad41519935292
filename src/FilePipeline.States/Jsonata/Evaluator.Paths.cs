namespace FilePipeline.States.Jsonata;

/// <summary>Path evaluation: steps mapped over sequences, predicates, and tuple streams for <c>@</c>, <c>#</c> and <c>%</c>.</summary>
internal sealed partial class Evaluator
{
    private object? EvaluatePath(Node expr, object? input, Frame env)
    {
        var steps = expr.Items;
        JArray inputSequence = input is JArray array && steps[0].Kind != NodeKind.Variable ? array : JArray.Sequence(input);
        JArray? resultSequence = null;
        var isTupleStream = false;
        JArray? tupleBindings = null;

        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Tuple)
            {
                isTupleStream = true;
            }

            if (i == 0 && step.ConsArray)
            {
                resultSequence = AsSequence(Evaluate(step, inputSequence, env));
            }
            else if (isTupleStream)
            {
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, env);
            }
            else
            {
                resultSequence = EvaluateStep(step, inputSequence, env, i == steps.Count - 1);
            }

            if (!isTupleStream && (resultSequence is null || resultSequence.Count == 0))
            {
                break;
            }

            if (step.Focus is null)
            {
                inputSequence = resultSequence!;
            }
        }

        if (isTupleStream)
        {
            if (expr.Tuple)
            {
                resultSequence = tupleBindings;
            }
            else
            {
                resultSequence = JArray.Sequence();
                foreach (var tuple in tupleBindings!)
                {
                    resultSequence.Add(((JTuple)tuple!).Context);
                }
            }
        }

        if (expr.KeepSingletonArray && resultSequence is not null)
        {
            if (resultSequence.IsConstructed && !resultSequence.IsSequence)
            {
                resultSequence = JArray.Sequence(resultSequence);
            }

            resultSequence.KeepSingleton = true;
        }

        if (expr.Group is not null)
        {
            return EvaluateGroup(expr.Group, isTupleStream ? tupleBindings : resultSequence, env);
        }

        return resultSequence;
    }

    // The first step's value when it is an array constructor: kept whole, not iterated.
    private static JArray? AsSequence(object? value) => value switch
    {
        null => null,
        JArray array => array,
        _ => JArray.Sequence(value),
    };

    private JArray EvaluateStep(Node step, JArray input, Frame env, bool lastStep)
    {
        if (step.Kind == NodeKind.Sort)
        {
            var sorted = EvaluateSort(step, input, env);
            return step.Stages is null ? sorted : EvaluateStages(step.Stages, sorted, env);
        }

        var results = new List<object?>(input.Count);
        foreach (var item in input)
        {
            var value = Evaluate(step, item, env);
            if (step.Stages is not null)
            {
                foreach (var stage in step.Stages)
                {
                    value = EvaluateFilter(stage.Filter!, value, env);
                }
            }

            if (value is not null)
            {
                results.Add(value);
            }
        }

        if (lastStep && results.Count == 1 && results[0] is JArray { IsSequence: false } only)
        {
            return only;
        }

        var sequence = JArray.Sequence();
        foreach (var value in results)
        {
            if (value is JArray nested && !nested.IsConstructed)
            {
                sequence.AddRange(nested);
            }
            else
            {
                sequence.Add(value);
            }
        }

        return sequence;
    }

    private JArray EvaluateStages(List<Stage> stages, JArray input, Frame env)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (stage.Filter is not null)
            {
                result = EvaluateFilter(stage.Filter, result, env);
            }
            else
            {
                for (var i = 0; i < result.Count; i++)
                {
                    ((JTuple)result[i]!)[stage.IndexVariable!] = (double)i;
                }
            }
        }

        return result;
    }

    private JArray EvaluateTupleStep(Node step, JArray input, JArray? tupleBindings, Frame env)
    {
        JArray result;
        if (step.Kind == NodeKind.Sort)
        {
            if (tupleBindings is not null)
            {
                result = EvaluateSort(step, tupleBindings, env);
            }
            else
            {
                var sorted = EvaluateSort(step, input, env);
                result = JArray.Sequence();
                result.TupleStream = true;
                for (var i = 0; i < sorted.Count; i++)
                {
                    var tuple = new JTuple { Context = sorted[i] };
                    if (step.Index is not null)
                    {
                        tuple[step.Index] = (double)i;
                    }

                    result.Add(tuple);
                }
            }

            return step.Stages is null ? result : EvaluateStages(step.Stages, result, env);
        }

        result = JArray.Sequence();
        result.TupleStream = true;
        if (tupleBindings is null)
        {
            tupleBindings = new JArray(input.Count);
            foreach (var item in input)
            {
                tupleBindings.Add(new JTuple { Context = item });
            }
        }

        foreach (var binding in tupleBindings)
        {
            var tuple = (JTuple)binding!;
            var value = Evaluate(step, tuple.Context, tuple.ToFrame(env));
            if (value is null)
            {
                continue;
            }

            var values = value as JArray ?? new JArray { value };
            for (var b = 0; b < values.Count; b++)
            {
                var next = tuple.Copy();
                if (values.TupleStream)
                {
                    next.MergeFrom((JTuple)values[b]!);
                }
                else
                {
                    if (step.Focus is not null)
                    {
                        next[step.Focus] = values[b];
                    }
                    else
                    {
                        next.Context = values[b];
                    }

                    if (step.Index is not null)
                    {
                        next[step.Index] = (double)b;
                    }

                    if (step.Ancestor is not null)
                    {
                        next[step.Ancestor.Label] = tuple.Context;
                    }
                }

                result.Add(next);
            }
        }

        return step.Stages is null ? result : EvaluateStages(step.Stages, result, env);
    }

    private JArray EvaluateFilter(Node predicate, object? input, Frame env)
    {
        var results = JArray.Sequence();
        var inputArray = input as JArray ?? JArray.Sequence(input);
        if (inputArray.TupleStream)
        {
            results.TupleStream = true;
        }

        if (predicate.Kind == NodeKind.Literal && predicate.Value is double literalIndex)
        {
            var index = (int)Math.Floor(literalIndex);
            if (index < 0)
            {
                index += inputArray.Count;
            }

            if (index >= 0 && index < inputArray.Count && inputArray[index] is { } item)
            {
                if (item is JArray nested)
                {
                    return nested;
                }

                results.Add(item);
            }

            return results;
        }

        for (var i = 0; i < inputArray.Count; i++)
        {
            var item = inputArray[i];
            var context = item;
            var frame = env;
            if (inputArray.TupleStream)
            {
                var tuple = (JTuple)item!;
                context = tuple.Context;
                frame = tuple.ToFrame(env);
            }

            var result = Evaluate(predicate, context, frame);
            if (result is double number)
            {
                if (Matches(number, i, inputArray.Count))
                {
                    results.Add(item);
                }
            }
            else if (result is JArray numbers && numbers.Count > 0 && numbers.All(n => n is double))
            {
                foreach (var n in numbers)
                {
                    if (Matches((double)n!, i, inputArray.Count))
                    {
                        results.Add(item);
                    }
                }
            }
            else if (Builtins.ToBoolean(result) == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    private static bool Matches(double index, int position, int count)
    {
        var wanted = Math.Floor(index);
        if (wanted < 0)
        {
            wanted += count;
        }

        return wanted == position;
    }
}
