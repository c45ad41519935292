namespace FilePipeline.States.Jsonata;

/// <summary>Functions that take functions: $map, $filter, $single, $reduce, $sift and $each.</summary>
internal static partial class Builtins
{
    private static object? Map(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        var function = (JFunction)a[1]!;
        var result = JArray.Sequence();
        for (var i = 0; i < array.Count; i++)
        {
            var value = context.Evaluator.CallWithArity(function, array[i], (double)i, array);
            if (value is not null)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private static object? Filter(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        var function = (JFunction)a[1]!;
        var result = JArray.Sequence();
        for (var i = 0; i < array.Count; i++)
        {
            if (ToBoolean(context.Evaluator.CallWithArity(function, array[i], (double)i, array)) == true)
            {
                result.Add(array[i]);
            }
        }

        return result;
    }

    private static object? Single(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        var function = a.Count > 1 ? a[1] as JFunction : null;
        object? found = null;
        var matches = 0;
        for (var i = 0; i < array.Count; i++)
        {
            var keep = function is null || ToBoolean(context.Evaluator.CallWithArity(function, array[i], (double)i, array)) == true;
            if (!keep)
            {
                continue;
            }

            if (++matches > 1)
            {
                throw Errors.Create("D3138");
            }

            found = array[i];
        }

        return matches == 0 ? throw Errors.Create("D3139") : found;
    }

    private static object? Reduce(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        var function = (JFunction)a[1]!;
        if (function.Arity < 2)
        {
            throw Errors.Create("D3050");
        }

        var index = 0;
        object? accumulator;
        if (a.Count > 2 && a[2] is not null)
        {
            accumulator = a[2];
        }
        else
        {
            accumulator = array.Count > 0 ? array[0] : null;
            index = 1;
        }

        for (; index < array.Count; index++)
        {
            accumulator = context.Evaluator.CallWithArity(function, accumulator, array[index], (double)index, array);
        }

        return accumulator;
    }

    private static object? Sift(CallContext context, List<object?> a)
    {
        if (a[0] is not JObject obj)
        {
            return null;
        }

        var function = (JFunction)a[1]!;
        var result = new JObject();
        foreach (var (key, value) in obj)
        {
            if (ToBoolean(context.Evaluator.CallWithArity(function, value, key, obj)) == true)
            {
                result[key] = value;
            }
        }

        return result.Count == 0 ? null : result;
    }

    private static object? Each(CallContext context, List<object?> a)
    {
        if (a[0] is not JObject obj)
        {
            return null;
        }

        var function = (JFunction)a[1]!;
        var result = JArray.Sequence();
        foreach (var (key, value) in obj)
        {
            var item = context.Evaluator.CallWithArity(function, value, key, obj);
            if (item is not null)
            {
                result.Add(item);
            }
        }

        return result;
    }
}
