using System.Globalization;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// XPath <c>format-number</c> pictures for $formatNumber: <c>#,##0.00</c>, <c>0.0e0</c>, <c>#%</c>, with a
/// separate negative sub-picture after <c>;</c>. The symbols can be redefined through the options object
/// (<c>decimal-separator</c>, <c>grouping-separator</c>, <c>percent</c>, …).
/// </summary>
internal sealed class NumberPicture
{
    private char _decimal = '.';
    private char _grouping = ',';
    private char _exponent = 'e';
    private char _percent = '%';
    private char _perMille = '\u2030';
    private char _zero = '0';
    private char _digit = '#';
    private char _separator = ';';
    private string _minus = "-";
    private string _infinity = "Infinity";
    private string _nan = "NaN";

    public static string Format(double value, string picture, JObject? options)
    {
        var symbols = new NumberPicture();
        symbols.Configure(options);
        return symbols.FormatWith(value, picture);
    }

    private void Configure(JObject? options)
    {
        if (options is null)
        {
            return;
        }

        foreach (var (key, value) in options)
        {
            if (value is not string s || s.Length == 0)
            {
                continue;
            }

            switch (key)
            {
                case "decimal-separator": _decimal = s[0]; break;
                case "grouping-separator": _grouping = s[0]; break;
                case "exponent-separator": _exponent = s[0]; break;
                case "percent": _percent = s[0]; break;
                case "per-mille": _perMille = s[0]; break;
                case "zero-digit": _zero = s[0]; break;
                case "digit": _digit = s[0]; break;
                case "pattern-separator": _separator = s[0]; break;
                case "minus-sign": _minus = s; break;
                case "infinity": _infinity = s; break;
                case "NaN": _nan = s; break;
            }
        }
    }

    private bool IsDigit(char c) => c == _digit || (c >= _zero && c <= _zero + 9);

    private bool IsActive(char c) => IsDigit(c) || c == _decimal || c == _grouping || c == _exponent || c == _percent || c == _perMille;

    private string FormatWith(double value, string picture)
    {
        if (double.IsNaN(value))
        {
            return _nan;
        }

        var subPictures = picture.Split(_separator);
        if (subPictures.Length > 2)
        {
            throw Errors.Create("D3080");
        }

        var negative = value < 0;
        var sub = negative && subPictures.Length == 2 ? subPictures[1] : subPictures[0];
        var (prefix, mantissa, suffix) = SplitPassive(sub);
        var text = double.IsInfinity(value) ? _infinity : FormatMantissa(Math.Abs(value), mantissa, prefix + suffix);
        var result = prefix + text + suffix;
        return negative && subPictures.Length == 1 ? _minus + result : result;
    }

    private (string Prefix, string Mantissa, string Suffix) SplitPassive(string sub)
    {
        var first = 0;
        while (first < sub.Length && !IsActive(sub[first]))
        {
            first++;
        }

        var last = sub.Length - 1;
        while (last >= first && !IsActive(sub[last]))
        {
            last--;
        }

        // An exponent separator only counts as active between digits; a trailing 'e' is text.
        return (sub[..first], sub[first..(last + 1)], sub[(last + 1)..]);
    }

    private string FormatMantissa(double value, string mantissa, string passive)
    {
        if (passive.Contains(_percent, StringComparison.Ordinal))
        {
            value *= 100;
        }
        else if (passive.Contains(_perMille, StringComparison.Ordinal) || mantissa.Contains(_perMille, StringComparison.Ordinal))
        {
            value *= 1000;
        }

        mantissa = mantissa.Replace(_percent.ToString(), string.Empty, StringComparison.Ordinal).Replace(_perMille.ToString(), string.Empty, StringComparison.Ordinal);
        var exponentIndex = mantissa.IndexOf(_exponent, StringComparison.Ordinal);
        var exponentPart = exponentIndex >= 0 ? mantissa[(exponentIndex + 1)..] : null;
        var numberPart = exponentIndex >= 0 ? mantissa[..exponentIndex] : mantissa;
        var point = numberPart.IndexOf(_decimal, StringComparison.Ordinal);
        var integerPart = point >= 0 ? numberPart[..point] : numberPart;
        var fractionPart = point >= 0 ? numberPart[(point + 1)..] : string.Empty;

        var minInteger = integerPart.Count(c => c != _digit && c != _grouping);
        var minFraction = fractionPart.Count(c => c != _digit && c != _grouping);
        var maxFraction = fractionPart.Count(IsDigit);
        var exponent = 0;
        if (exponentPart is not null && value != 0)
        {
            var integerDigits = Math.Max(minInteger, 1);
            exponent = (int)Math.Floor(Math.Log10(value)) - integerDigits + 1;
            value /= Math.Pow(10, exponent);
        }

        var rounded = Builtins.RoundHalfEven(value, maxFraction);
        var digits = rounded.ToString("F" + maxFraction.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        var integerDigitsText = dot >= 0 ? digits[..dot] : digits;
        var fractionDigitsText = dot >= 0 ? digits[(dot + 1)..] : string.Empty;
        while (fractionDigitsText.Length > minFraction && fractionDigitsText.EndsWith('0'))
        {
            fractionDigitsText = fractionDigitsText[..^1];
        }

        integerDigitsText = integerDigitsText.TrimStart('0').PadLeft(minInteger, '0');
        if (integerDigitsText.Length == 0 && fractionDigitsText.Length == 0)
        {
            integerDigitsText = "0";
        }

        var result = new StringBuilder(Group(Localize(integerDigitsText), integerPart));
        if (fractionDigitsText.Length > 0)
        {
            result.Append(_decimal).Append(Localize(fractionDigitsText));
        }

        if (exponentPart is not null)
        {
            var minExponent = exponentPart.Count(IsDigit);
            var exponentText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(minExponent, '0');
            result.Append(_exponent).Append(exponent < 0 ? _minus : string.Empty).Append(Localize(exponentText));
        }

        return result.ToString();
    }

    private string Localize(string digits) =>
        _zero == '0' ? digits : new string(digits.Select(c => (char)(_zero + (c - '0'))).ToArray());

    private string Group(string digits, string integerPicture)
    {
        var positions = new List<int>();
        var count = 0;
        for (var i = integerPicture.Length - 1; i >= 0; i--)
        {
            if (integerPicture[i] == _grouping)
            {
                positions.Add(count);
            }
            else
            {
                count++;
            }
        }

        if (positions.Count == 0)
        {
            return digits;
        }

        var interval = positions.Aggregate(Gcd);
        var regular = Enumerable.Range(1, positions.Count).All(n => positions.Contains(n * interval));
        var result = new StringBuilder(digits);
        for (var position = 1; position < digits.Length; position++)
        {
            if (regular ? position % interval == 0 : positions.Contains(position))
            {
                result.Insert(digits.Length - position, _grouping);
            }
        }

        return result.ToString();
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
