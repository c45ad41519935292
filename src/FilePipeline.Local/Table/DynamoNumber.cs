using System.Globalization;
using System.Numerics;
using System.Text;

namespace FilePipeline.Local.Table;

/// <summary>
/// A DynamoDB number: a decimal of up to 38 significant digits with a magnitude between 1E-130
/// and 1E+126, compared and added exactly (never as a double or as text).
/// The value is <c>Mantissa × 10^Exponent</c>, normalized so the mantissa has no trailing zeros.
/// </summary>
internal readonly record struct DynamoNumber : IComparable<DynamoNumber>
{
    private const int MaxDigits = 38;
    private const int MaxAdjustedExponent = 125;
    private const int MinAdjustedExponent = -130;

    private DynamoNumber(BigInteger mantissa, int exponent)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    public BigInteger Mantissa { get; }

    public int Exponent { get; }

    public static DynamoNumber Zero => new(BigInteger.Zero, 0);

    public static DynamoNumber FromInt64(long value) => Normalize(value, 0);

    /// <summary>Parses DynamoDB's number text (<c>-12.50</c>, <c>1E+3</c>), checking precision and range.</summary>
    public static DynamoNumber Parse(string text)
    {
        if (!TryParseDigits(text.Trim(), out var mantissa, out var exponent))
        {
            throw DynamoDbErrors.Invalid("A value provided cannot be converted into a number");
        }

        return Normalize(mantissa, exponent).CheckRange();
    }

    public static DynamoNumber operator +(DynamoNumber left, DynamoNumber right)
    {
        var exponent = Math.Min(left.Exponent, right.Exponent);
        var sum = left.Mantissa * BigInteger.Pow(10, left.Exponent - exponent)
            + right.Mantissa * BigInteger.Pow(10, right.Exponent - exponent);
        return Normalize(sum, exponent).CheckRange();
    }

    public static DynamoNumber operator -(DynamoNumber value) => new(-value.Mantissa, value.Exponent);

    public static DynamoNumber operator -(DynamoNumber left, DynamoNumber right) => left + -right;

    public static bool operator <(DynamoNumber left, DynamoNumber right) => left.CompareTo(right) < 0;

    public static bool operator >(DynamoNumber left, DynamoNumber right) => left.CompareTo(right) > 0;

    public static bool operator <=(DynamoNumber left, DynamoNumber right) => left.CompareTo(right) <= 0;

    public static bool operator >=(DynamoNumber left, DynamoNumber right) => left.CompareTo(right) >= 0;

    public int CompareTo(DynamoNumber other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        var mine = Mantissa * BigInteger.Pow(10, Exponent - exponent);
        var theirs = other.Mantissa * BigInteger.Pow(10, other.Exponent - exponent);
        return mine.CompareTo(theirs);
    }

    /// <summary>The count of significant digits, which DynamoDB's item size counts in.</summary>
    public int SignificantDigits => Mantissa.IsZero ? 1 : BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture).Length;

    /// <summary>Plain notation without trailing zeros, the way DynamoDB returns numbers (<c>1E+3</c> → <c>1000</c>).</summary>
    public override string ToString()
    {
        if (Mantissa.IsZero)
        {
            return "0";
        }

        var digits = BigInteger.Abs(Mantissa).ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        if (Mantissa.Sign < 0)
        {
            text.Append('-');
        }

        if (Exponent >= 0)
        {
            text.Append(digits).Append('0', Exponent);
        }
        else if (-Exponent < digits.Length)
        {
            text.Append(digits, 0, digits.Length + Exponent).Append('.').Append(digits, digits.Length + Exponent, -Exponent);
        }
        else
        {
            text.Append("0.").Append('0', -Exponent - digits.Length).Append(digits);
        }

        return text.ToString();
    }

    private static DynamoNumber Normalize(BigInteger mantissa, int exponent)
    {
        if (mantissa.IsZero)
        {
            return Zero;
        }

        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }

        return new DynamoNumber(mantissa, exponent);
    }

    private DynamoNumber CheckRange()
    {
        if (Mantissa.IsZero)
        {
            return this;
        }

        var digits = SignificantDigits;
        if (digits > MaxDigits)
        {
            throw DynamoDbErrors.Invalid("Attempting to store more than 38 significant digits in a Number");
        }

        var adjusted = Exponent + digits - 1;
        if (adjusted > MaxAdjustedExponent)
        {
            throw DynamoDbErrors.Invalid("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }

        if (adjusted < MinAdjustedExponent)
        {
            throw DynamoDbErrors.Invalid("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }

        return this;
    }

    /// <summary>Reads <c>[+-]digits[.digits][e[+-]digits]</c> into an integer mantissa and a power of ten.</summary>
    private static bool TryParseDigits(string text, out BigInteger mantissa, out int exponent)
    {
        mantissa = BigInteger.Zero;
        exponent = 0;
        var position = 0;
        var negative = false;
        if (position < text.Length && text[position] is '+' or '-')
        {
            negative = text[position] == '-';
            position++;
        }

        var digits = new StringBuilder();
        var fractionDigits = 0;
        var seenPoint = false;
        for (; position < text.Length; position++)
        {
            var c = text[position];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
                fractionDigits += seenPoint ? 1 : 0;
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (digits.Length == 0)
        {
            return false;
        }

        var power = 0;
        if (position < text.Length)
        {
            if (text[position] is not ('e' or 'E')
                || !int.TryParse(text.AsSpan(position + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out power)
                || Math.Abs(power) > 100_000)
            {
                return false;
            }
        }

        mantissa = BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }

        exponent = power - fractionDigits;
        return true;
    }
}
