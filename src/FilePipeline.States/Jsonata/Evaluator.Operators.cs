namespace FilePipeline.States.Jsonata;

/// <summary>Binary and unary operators: arithmetic, comparison, boolean, string concatenation, range and membership.</summary>
internal sealed partial class Evaluator
{
    private const int MaxRange = 10_000_000;

    private object? EvaluateBinary(Node expr, object? input, Frame env)
    {
        var op = expr.Text;
        var lhs = Evaluate(expr.Lhs!, input, env);
        if (op == "and")
        {
            return IsTrue(lhs) && IsTrue(Evaluate(expr.Rhs!, input, env));
        }

        if (op == "or")
        {
            return IsTrue(lhs) || IsTrue(Evaluate(expr.Rhs!, input, env));
        }

        var rhs = Evaluate(expr.Rhs!, input, env);
        try
        {
            return op switch
            {
                "+" or "-" or "*" or "/" or "%" => Arithmetic(lhs, rhs, op),
                "=" => lhs is not null && rhs is not null && Json.DeepEquals(lhs, rhs),
                "!=" => lhs is not null && rhs is not null && !Json.DeepEquals(lhs, rhs),
                "<" or "<=" or ">" or ">=" => Compare(lhs, rhs, op),
                "&" => Builtins.StringOf(lhs) + Builtins.StringOf(rhs),
                ".." => Range(lhs, rhs),
                "in" => Includes(lhs, rhs),
                _ => throw Errors.Syntax("S0204", expr.Position, op),
            };
        }
        catch (JsonataException e) when (e.Position is null)
        {
            throw new JsonataException(e.Code, e.Message, expr.Position, e) { Token = op };
        }
    }

    private static bool IsTrue(object? value) => Builtins.ToBoolean(value) == true;

    private static double? Arithmetic(object? lhs, object? rhs, string op)
    {
        if (lhs is not null && lhs is not double)
        {
            throw Errors.Create("T2001", null, op, Json.ToDisplayString(lhs));
        }

        if (rhs is not null && rhs is not double)
        {
            throw Errors.Create("T2002", null, op, Json.ToDisplayString(rhs));
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var a = CheckNumber((double)lhs);
        var b = CheckNumber((double)rhs);
        return op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            _ => a % b,
        };
    }

    /// <summary>JSON has no Infinity or NaN: an operand that is one (from an earlier overflow) is error D1001.</summary>
    public static double CheckNumber(double value) =>
        double.IsFinite(value) ? value : throw Errors.Create("D1001", value: Json.FormatNumber(value));

    private static bool? Compare(object? lhs, object? rhs, string op)
    {
        var lhsComparable = lhs is null or string or double;
        var rhsComparable = rhs is null or string or double;
        if (!lhsComparable || !rhsComparable)
        {
            throw Errors.Create("T2010", null, op, Json.ToDisplayString(lhsComparable ? rhs : lhs));
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        if (lhs.GetType() != rhs.GetType())
        {
            throw Errors.Create("T2009", null, op, Json.ToDisplayString(lhs) + " and " + Json.ToDisplayString(rhs));
        }

        var comparison = lhs is string s ? string.CompareOrdinal(s, (string)rhs) : ((double)lhs).CompareTo((double)rhs);
        return op switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            _ => comparison >= 0,
        };
    }

    private static JArray? Range(object? lhs, object? rhs)
    {
        if (lhs is not null && (lhs is not double l || l != Math.Floor(l)))
        {
            throw Errors.Create("T2003", value: Json.ToDisplayString(lhs));
        }

        if (rhs is not null && (rhs is not double r || r != Math.Floor(r)))
        {
            throw Errors.Create("T2004", value: Json.ToDisplayString(rhs));
        }

        if (lhs is null || rhs is null)
        {
            return null;
        }

        var from = (double)lhs;
        var to = (double)rhs;
        if (from > to)
        {
            return null;
        }

        var size = to - from + 1;
        if (size > MaxRange)
        {
            throw Errors.Create("D2014", value: Json.FormatNumber(size));
        }

        var result = new JArray((int)size) { IsSequence = true };
        for (var value = from; value <= to; value++)
        {
            result.Add(value);
        }

        return result;
    }

    private static bool Includes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
        {
            return false;
        }

        if (rhs is not JArray array)
        {
            return StrictEquals(lhs, rhs);
        }

        foreach (var item in array)
        {
            if (StrictEquals(lhs, item))
            {
                return true;
            }
        }

        return false;
    }

    // JavaScript's === : values for primitives, identity for objects.
    private static bool StrictEquals(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x == y,
        (string x, string y) => x == y,
        (bool x, bool y) => x == y,
        _ => ReferenceEquals(a, b),
    };

    private object? EvaluateNegate(Node expr, object? input, Frame env)
    {
        var value = Evaluate(expr.Lhs!, input, env);
        return value switch
        {
            null => null,
            double number => -number,
            _ => throw Errors.Value("D1002", value, expr.Position, "-"),
        };
    }
}
