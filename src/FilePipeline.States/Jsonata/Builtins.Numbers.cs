using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FilePipeline.States.Jsonata;

/// <summary>Numeric and aggregation functions.</summary>
internal static partial class Builtins
{
    private static readonly Regex DecimalNumber = new(@"^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex PrefixedInteger = new("^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$", RegexOptions.CultureInvariant);

    private static IEnumerable<double> Numbers(object? array) => ((JArray)array!).Cast<double>();

    private static object? Sum(CallContext context, List<object?> a) => a[0] is null ? null : Total(a[0]);

    // Added left to right, as JavaScript's reduce does (vectorised sums round differently).
    private static double Total(object? array)
    {
        var total = 0.0;
        foreach (var number in Numbers(array))
        {
            total += number;
        }

        return total;
    }

    private static object? Count(CallContext context, List<object?> a) => a[0] is JArray array ? (double)array.Count : 0.0;

    private static double? Extreme(object? array, bool max)
    {
        if (array is not JArray { Count: > 0 } numbers)
        {
            return null;
        }

        return max ? Numbers(numbers).Max() : Numbers(numbers).Min();
    }

    private static object? Average(CallContext context, List<object?> a) =>
        a[0] is JArray { Count: > 0 } numbers ? Total(numbers) / numbers.Count : null;

    private static object? ToNumber(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case double d:
                return d;
            case bool b:
                return b ? 1.0 : 0.0;
            case string s when DecimalNumber.IsMatch(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed):
                return parsed;
            case string s when PrefixedInteger.IsMatch(s):
                var radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                return (double)Convert.ToInt64(s[2..], radix);
            default:
                throw Errors.Value("D3030", value);
        }
    }

    private static object? Round(CallContext context, List<object?> a)
    {
        if (a[0] is not double value)
        {
            return null;
        }

        var precision = a.Count > 1 && a[1] is double p ? (int)p : 0;
        return RoundHalfEven(value, precision);
    }

    /// <summary>Rounds half to even at a decimal position, shifting by decimal exponent so 2.675 stays exact.</summary>
    public static double RoundHalfEven(double value, int precision)
    {
        var shifted = precision == 0 ? value : ShiftDecimal(value, precision);
        var rounded = Math.Round(shifted, MidpointRounding.ToEven);
        var result = precision == 0 ? rounded : ShiftDecimal(rounded, -precision);
        return result == 0 ? 0 : result;
    }

    private static double ShiftDecimal(double value, int places)
    {
        var text = Json.FormatNumber(value);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e >= 0 ? text[..e] : text;
        var exponent = e >= 0 ? int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        return double.Parse(mantissa + "e" + (exponent + places).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object? Sqrt(CallContext context, List<object?> a)
    {
        if (a[0] is not double value)
        {
            return null;
        }

        return value < 0 ? throw Errors.Value("D3060", value) : Math.Sqrt(value);
    }

    private static object? Power(CallContext context, List<object?> a)
    {
        if (a[0] is not double value)
        {
            return null;
        }

        var result = Math.Pow(value, (double)a[1]!);
        return double.IsFinite(result) ? result : throw Errors.Create("D3061", value: Json.FormatNumber(value) + ", exponent=" + Json.FormatNumber((double)a[1]!));
    }

    private static object? FormatBase(CallContext context, List<object?> a)
    {
        if (a[0] is not double value)
        {
            return null;
        }

        var radix = a.Count > 1 && a[1] is double r ? RoundHalfEven(r, 0) : 10;
        if (radix is < 2 or > 36)
        {
            throw Errors.Value("D3100", radix);
        }

        var number = (long)RoundHalfEven(value, 0);
        if (number == 0)
        {
            return "0";
        }

        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var text = new StringBuilder();
        var magnitude = Math.Abs(number);
        while (magnitude > 0)
        {
            text.Insert(0, digits[(int)(magnitude % (long)radix)]);
            magnitude /= (long)radix;
        }

        return number < 0 ? "-" + text : text.ToString();
    }
}
