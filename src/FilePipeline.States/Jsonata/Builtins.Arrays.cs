namespace FilePipeline.States.Jsonata;

/// <summary>Array and object functions.</summary>
internal static partial class Builtins
{
    private static JArray Keys(object? value)
    {
        var result = JArray.Sequence();
        switch (value)
        {
            case JArray array:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in array)
                {
                    if (item is JObject obj)
                    {
                        foreach (var key in obj.Keys)
                        {
                            if (seen.Add(key))
                            {
                                result.Add(key);
                            }
                        }
                    }
                }

                break;
            case JObject obj:
                result.AddRange(obj.Keys);
                break;
        }

        return result;
    }

    private static object? Spread(object? value)
    {
        switch (value)
        {
            case JArray array:
                object? result = JArray.Sequence();
                foreach (var item in array)
                {
                    result = Append(result, Spread(item));
                }

                return result;
            case JObject obj:
                var pairs = JArray.Sequence();
                foreach (var (key, item) in obj)
                {
                    pairs.Add(new JObject { [key] = item });
                }

                return pairs;
            default:
                return value;
        }
    }

    private static object? Merge(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray objects)
        {
            return null;
        }

        var result = new JObject();
        foreach (var obj in objects.Cast<JObject>())
        {
            foreach (var (key, value) in obj)
            {
                result[key] = value;
            }
        }

        return result;
    }

    private static object? Reverse(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        if (array.Count <= 1)
        {
            return array;
        }

        var result = new JArray(array);
        result.Reverse();
        return result;
    }

    private static object? Shuffle(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        if (array.Count <= 1)
        {
            return array;
        }

        var result = new JArray(array);
        for (var i = result.Count - 1; i > 0; i--)
        {
            var j = Random.Shared.Next(i + 1);
            (result[i], result[j]) = (result[j], result[i]);
        }

        return result;
    }

    private static object? Distinct(object? value)
    {
        if (value is not JArray array)
        {
            return value;
        }

        if (array.Count <= 1)
        {
            return array;
        }

        var result = array.IsSequence ? JArray.Sequence() : new JArray();
        foreach (var item in array)
        {
            if (!result.Any(existing => Json.DeepEquals(existing, item)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static object? Sort(CallContext context, List<object?> a)
    {
        if (a[0] is not JArray array)
        {
            return null;
        }

        if (array.Count <= 1)
        {
            return array;
        }

        Comparison<object?> comparison;
        if (a.Count > 1 && a[1] is JFunction comparator)
        {
            comparison = (x, y) => ToBoolean(context.Evaluator.CallWithArity(comparator, x, y)) == true ? 1 : -1;
        }
        else if (array.All(item => item is double))
        {
            comparison = (x, y) => ((double)x!).CompareTo((double)y!);
        }
        else if (array.All(item => item is string))
        {
            comparison = (x, y) => string.CompareOrdinal((string)x!, (string)y!);
        }
        else
        {
            throw Errors.Create("D3070");
        }

        var result = new JArray(MergeSort([.. array], comparison));
        return result;
    }

    // A stable merge sort: a comparator answering "does x go after y" need not be a consistent order.
    public static List<object?> MergeSort(List<object?> items, Comparison<object?> comparison)
    {
        if (items.Count <= 1)
        {
            return items;
        }

        var middle = items.Count / 2;
        var left = MergeSort(items[..middle], comparison);
        var right = MergeSort(items[middle..], comparison);
        var merged = new List<object?>(items.Count);
        int i = 0, j = 0;
        while (i < left.Count && j < right.Count)
        {
            merged.Add(comparison(left[i], right[j]) > 0 ? right[j++] : left[i++]);
        }

        merged.AddRange(left.Skip(i));
        merged.AddRange(right.Skip(j));
        return merged;
    }

    private static object? Zip(CallContext context, List<object?> a)
    {
        var arrays = a.Select(item => item as JArray ?? []).ToList();
        var length = arrays.Count == 0 ? 0 : arrays.Min(array => array.Count);
        var result = new JArray();
        for (var i = 0; i < length; i++)
        {
            result.Add(new JArray(arrays.Select(array => array[i])));
        }

        return result;
    }
}
