namespace FilePipeline.States.Jsonata;

/// <summary>Object construction and grouping <c>{key: value}</c>, and order-by <c>^(...)</c>.</summary>
internal sealed partial class Evaluator
{
    private JObject EvaluateGroup(Node expr, object? input, Frame env)
    {
        var result = new JObject();
        var groups = new OrderedDictionary<string, (object? Data, int PairIndex)>(StringComparer.Ordinal);
        var reduce = input is JArray { TupleStream: true };
        var items = input as JArray ?? JArray.Sequence(input);
        if (items.Count == 0 && !reduce)
        {
            items = [null];
        }

        foreach (var item in items)
        {
            var frame = reduce ? ((JTuple)item!).ToFrame(env) : env;
            var context = reduce ? ((JTuple)item!).Context : item;
            for (var pairIndex = 0; pairIndex < expr.Pairs.Count; pairIndex++)
            {
                var key = Evaluate(expr.Pairs[pairIndex].Key, context, frame);
                if (key is null)
                {
                    continue;
                }

                if (key is not string name)
                {
                    throw Errors.Value("T1003", key, expr.Position);
                }

                if (groups.TryGetValue(name, out var existing))
                {
                    if (existing.PairIndex != pairIndex)
                    {
                        throw Errors.Value("D1009", name, expr.Position);
                    }

                    groups[name] = (Builtins.Append(existing.Data, item), pairIndex);
                }
                else
                {
                    groups[name] = (item, pairIndex);
                }
            }
        }

        foreach (var (key, (data, pairIndex)) in groups)
        {
            var context = data;
            var frame = env;
            if (reduce)
            {
                var tuple = ReduceTupleStream(data);
                context = tuple.Context;
                frame = tuple.ToFrameWithoutContext(env);
            }

            var value = Evaluate(expr.Pairs[pairIndex].Value, context, frame);
            if (value is not null)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static JTuple ReduceTupleStream(object? stream)
    {
        if (stream is not JArray tuples)
        {
            return (JTuple)stream!;
        }

        var result = ((JTuple)tuples[0]!).Copy();
        for (var i = 1; i < tuples.Count; i++)
        {
            var tuple = (JTuple)tuples[i]!;
            result.Context = Builtins.Append(result.Context, tuple.Context);
            foreach (var (key, value) in tuple)
            {
                result[key] = Builtins.Append(result.GetValueOrDefault(key), value);
            }
        }

        return result;
    }

    private JArray EvaluateSort(Node step, JArray input, Frame env)
    {
        var isTupleSort = input.TupleStream;
        var keys = new object?[input.Count][];
        for (var i = 0; i < input.Count; i++)
        {
            var context = input[i];
            var frame = env;
            if (isTupleSort)
            {
                var tuple = (JTuple)context!;
                context = tuple.Context;
                frame = tuple.ToFrame(env);
            }

            keys[i] = new object?[step.Terms.Count];
            for (var t = 0; t < step.Terms.Count; t++)
            {
                keys[i][t] = Evaluate(step.Terms[t].Expression, context, frame);
            }
        }

        var order = Enumerable.Range(0, input.Count).Select(i => (object?)i).ToList();
        var sorted = Builtins.MergeSort(order, (a, b) => CompareSortKeys(step, keys[(int)a!], keys[(int)b!], (int)a!, (int)b!));
        var result = new JArray(input.Count) { IsSequence = true, TupleStream = isTupleSort };
        foreach (var index in sorted)
        {
            result.Add(input[(int)index!]);
        }

        return result;
    }

    private static int CompareSortKeys(Node step, object?[] a, object?[] b, int indexA, int indexB)
    {
        for (var t = 0; t < step.Terms.Count; t++)
        {
            var x = a[t];
            var y = b[t];
            if (x is null)
            {
                if (y is null)
                {
                    continue;
                }

                return 1;
            }

            if (y is null)
            {
                return -1;
            }

            if (x is not (string or double) || y is not (string or double))
            {
                throw Errors.Value("T2008", x is string or double ? y : x, step.Position);
            }

            if (x.GetType() != y.GetType())
            {
                throw Errors.Create("T2007", step.Position, value: Json.ToDisplayString(x) + " and " + Json.ToDisplayString(y));
            }

            var comparison = x is string s ? string.CompareOrdinal(s, (string)y) : ((double)x).CompareTo((double)y);
            if (comparison != 0)
            {
                return step.Terms[t].Descending ? -Math.Sign(comparison) : Math.Sign(comparison);
            }
        }

        return indexA.CompareTo(indexB);
    }
}
