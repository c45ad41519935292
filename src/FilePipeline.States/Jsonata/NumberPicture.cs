using System.Globalization;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// XPath <c>format-number</c> (F&amp;O 3.1 §4.7) for $formatNumber: <c>#,##0.00</c>, <c>0.0e0</c>, <c>#%</c>,
/// an optional negative sub-picture after <c>;</c>, and symbols redefinable through the options object
/// (<c>decimal-separator</c>, <c>grouping-separator</c>, <c>percent</c>, …). Each sub-picture is split
/// into prefix, integer, fraction, exponent and suffix, validated (D3080–D3093), then applied.
/// </summary>
internal sealed class NumberPicture
{
    private readonly Dictionary<string, string> symbols = new(StringComparer.Ordinal)
    {
        ["decimal-separator"] = ".", ["grouping-separator"] = ",", ["exponent-separator"] = "e", ["infinity"] = "Infinity",
        ["minus-sign"] = "-", ["NaN"] = "NaN", ["percent"] = "%", ["per-mille"] = "\u2030", ["zero-digit"] = "0",
        ["digit"] = "#", ["pattern-separator"] = ";",
    };

    private string Decimal => this.symbols["decimal-separator"];

    private string Grouping => this.symbols["grouping-separator"];

    private string Exponent => this.symbols["exponent-separator"];

    private string Percent => this.symbols["percent"];

    private string PerMille => this.symbols["per-mille"];

    private string Digit => this.symbols["digit"];

    private char Zero => this.symbols["zero-digit"][0];

    public static string Format(double value, string picture, JObject? options)
    {
        var formatter = new NumberPicture();
        foreach (var (key, option) in options ?? [])
        {
            if (option is string text)
            {
                formatter.symbols[key] = text;
            }
        }

        return formatter.FormatWith(value, picture);
    }

    private bool IsDecimalDigit(char c) => c >= Zero && c <= Zero + 9;

    private bool IsActive(char c) =>
        IsDecimalDigit(c) || Decimal.Contains(c) || Exponent.Contains(c) || Grouping.Contains(c) || Digit.Contains(c) || this.symbols["pattern-separator"].Contains(c);

    private sealed record Parts(string Picture, string Prefix, string Suffix, string Active, string Mantissa, string? ExponentPart, string Integer, string Fraction);

    private Parts Split(string picture)
    {
        var first = 0;
        while (first < picture.Length && (!IsActive(picture[first]) || Exponent.Contains(picture[first])))
        {
            first++;
        }

        var last = picture.Length - 1;
        while (last >= 0 && (!IsActive(picture[last]) || Exponent.Contains(picture[last])))
        {
            last--;
        }

        var prefix = first < picture.Length ? picture[..first] : string.Empty;
        var suffix = last >= 0 ? picture[(last + 1)..] : string.Empty;
        var active = picture.Substring(prefix.Length, Math.Max(picture.Length - suffix.Length - prefix.Length, 0));
        string mantissa;
        string? exponent;
        var exponentPosition = picture.IndexOf(Exponent, prefix.Length, StringComparison.Ordinal);
        if (exponentPosition == -1 || exponentPosition > picture.Length - suffix.Length)
        {
            mantissa = active;
            exponent = null;
        }
        else
        {
            mantissa = active[..Math.Min(exponentPosition, active.Length)];
            exponent = exponentPosition + 1 <= active.Length ? active[(exponentPosition + 1)..] : string.Empty;
        }

        var point = mantissa.IndexOf(Decimal, StringComparison.Ordinal);
        return point == -1
            ? new Parts(picture, prefix, suffix, active, mantissa, exponent, mantissa, suffix)
            : new Parts(picture, prefix, suffix, active, mantissa, exponent, mantissa[..point], mantissa[(point + 1)..]);
    }

    private void Validate(Parts parts)
    {
        string? error = null;
        var picture = parts.Picture;
        var point = picture.IndexOf(Decimal, StringComparison.Ordinal);
        if (point != picture.LastIndexOf(Decimal, StringComparison.Ordinal))
        {
            error = "D3081";
        }

        if (picture.IndexOf(Percent, StringComparison.Ordinal) != picture.LastIndexOf(Percent, StringComparison.Ordinal))
        {
            error = "D3082";
        }

        if (picture.IndexOf(PerMille, StringComparison.Ordinal) != picture.LastIndexOf(PerMille, StringComparison.Ordinal))
        {
            error = "D3083";
        }

        if (picture.Contains(Percent, StringComparison.Ordinal) && picture.Contains(PerMille, StringComparison.Ordinal))
        {
            error = "D3084";
        }

        if (!parts.Mantissa.Any(c => IsDecimalDigit(c) || Digit.Contains(c)))
        {
            error = "D3085";
        }

        if (parts.Active.Any(c => !IsActive(c)))
        {
            error = "D3086";
        }

        if (point != -1)
        {
            if ((point > 0 && Grouping.Contains(picture[point - 1])) || (point + 1 < picture.Length && Grouping.Contains(picture[point + 1])))
            {
                error = "D3087";
            }
        }
        else if (parts.Integer.EndsWith(Grouping, StringComparison.Ordinal))
        {
            error = "D3088";
        }

        if (picture.Contains(Grouping + Grouping, StringComparison.Ordinal))
        {
            error = "D3089";
        }

        var optional = parts.Integer.IndexOf(Digit, StringComparison.Ordinal);
        if (optional != -1 && parts.Integer[..optional].Any(IsDecimalDigit))
        {
            error = "D3090";
        }

        optional = parts.Fraction.LastIndexOf(Digit, StringComparison.Ordinal);
        if (optional != -1 && parts.Fraction[optional..].Any(IsDecimalDigit))
        {
            error = "D3091";
        }

        if (parts.ExponentPart is { Length: > 0 } && (picture.Contains(Percent, StringComparison.Ordinal) || picture.Contains(PerMille, StringComparison.Ordinal)))
        {
            error = "D3092";
        }

        if (parts.ExponentPart is { } exponent && (exponent.Length == 0 || exponent.Any(c => !IsDecimalDigit(c))))
        {
            error = "D3093";
        }

        if (error is not null)
        {
            throw Errors.Create(error);
        }
    }

    private string FormatWith(double value, string picture)
    {
        var subPictures = picture.Split(this.symbols["pattern-separator"]);
        if (subPictures.Length > 2)
        {
            throw Errors.Create("D3080");
        }

        var parts = subPictures.Select(Split).ToList();
        parts.ForEach(Validate);
        var chosen = value >= 0 || parts.Count == 1 ? parts[0] : parts[1];
        var prefix = value < 0 && parts.Count == 1 ? this.symbols["minus-sign"] + chosen.Prefix : chosen.Prefix;
        return prefix + FormatMagnitude(value, chosen) + chosen.Suffix;
    }

    private string FormatMagnitude(double value, Parts pic)
    {
        var integerGroups = GroupingPositions(pic.Integer, fromLeft: false);
        var regular = Regular(integerGroups);
        var fractionGroups = GroupingPositions(pic.Fraction, fromLeft: true);
        var minInteger = pic.Integer.Count(IsDecimalDigit);
        var scaling = minInteger;
        var minFraction = pic.Fraction.Count(IsDecimalDigit);
        var maxFraction = pic.Fraction.Count(c => IsDecimalDigit(c) || Digit.Contains(c));
        var hasExponent = pic.ExponentPart is not null;
        if (minInteger == 0 && maxFraction == 0)
        {
            if (hasExponent)
            {
                minFraction = maxFraction = 1;
            }
            else
            {
                minInteger = 1;
            }
        }

        if (hasExponent && minInteger == 0 && pic.Integer.Contains(Digit, StringComparison.Ordinal))
        {
            minInteger = 1;
        }

        if (minInteger == 0 && minFraction == 0)
        {
            minFraction = 1;
        }

        var minExponent = hasExponent ? pic.ExponentPart!.Count(IsDecimalDigit) : 0;
        var adjusted = pic.Picture.Contains(Percent, StringComparison.Ordinal) ? value * 100
            : pic.Picture.Contains(PerMille, StringComparison.Ordinal) ? value * 1000 : value;
        var mantissa = adjusted;
        int? exponent = null;
        if (minExponent > 0)
        {
            var max = Math.Pow(10, scaling);
            var min = Math.Pow(10, scaling - 1);
            exponent = 0;
            while (mantissa != 0 && Math.Abs(mantissa) < min)
            {
                mantissa *= 10;
                exponent--;
            }

            while (Math.Abs(mantissa) > max)
            {
                mantissa /= 10;
                exponent++;
            }
        }

        var rounded = Builtins.RoundHalfEven(mantissa, maxFraction);
        var text = Localize(Math.Abs(rounded).ToString("F" + maxFraction.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        text = text.Contains('.', StringComparison.Ordinal) ? text.Replace(".", Decimal, StringComparison.Ordinal) : text + Decimal;
        text = text.TrimStart(Zero).TrimEnd(Zero);
        var point = text.IndexOf(Decimal, StringComparison.Ordinal);
        var padLeft = minInteger - point;
        var padRight = minFraction - (text.Length - point - 1);
        text = (padLeft > 0 ? new string(Zero, padLeft) : string.Empty) + text + (padRight > 0 ? new string(Zero, padRight) : string.Empty);
        point = text.IndexOf(Decimal, StringComparison.Ordinal);
        var builder = new StringBuilder(text);
        if (regular > 0)
        {
            for (var group = 1; group <= (point - 1) / regular; group++)
            {
                builder.Insert(point - (group * regular), Grouping);
            }
        }
        else
        {
            foreach (var position in integerGroups)
            {
                builder.Insert(point - position, Grouping);
                point++;
            }
        }

        text = builder.ToString();
        point = text.IndexOf(Decimal, StringComparison.Ordinal);
        foreach (var position in fractionGroups)
        {
            text = text.Insert(position + point + 1, Grouping);
        }

        point = text.IndexOf(Decimal, StringComparison.Ordinal);
        if (!pic.Picture.Contains(Decimal, StringComparison.Ordinal) || point == text.Length - 1)
        {
            text = text[..^1];
        }

        if (exponent is { } e)
        {
            var digits = Localize(Math.Abs(e).ToString(CultureInfo.InvariantCulture));
            text += Exponent + (e < 0 ? this.symbols["minus-sign"] : string.Empty) + digits.PadLeft(minExponent, Zero);
        }

        return text;
    }

    private string Localize(string digits) =>
        Zero == '0' ? digits : new string(digits.Select(c => char.IsAsciiDigit(c) ? (char)(Zero + (c - '0')) : c).ToArray());

    private List<int> GroupingPositions(string part, bool fromLeft)
    {
        var positions = new List<int>();
        var index = part.IndexOf(Grouping, StringComparison.Ordinal);
        while (index != -1)
        {
            var side = fromLeft ? part[..index] : part[index..];
            positions.Add(side.Count(c => IsDecimalDigit(c) || Digit.Contains(c)));
            index = part.IndexOf(Grouping, index + 1, StringComparison.Ordinal);
        }

        return positions;
    }

    private static int Regular(List<int> positions)
    {
        if (positions.Count == 0)
        {
            return 0;
        }

        var factor = positions.Aggregate(Gcd);
        for (var i = 1; i <= positions.Count; i++)
        {
            if (!positions.Contains(i * factor))
            {
                return 0;
            }
        }

        return factor;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
