using System.Globalization;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// XPath integer pictures for $formatInteger, $parseInteger and date/time components: decimal digit
/// patterns (<c>001</c>, <c>#,##0</c>), letters (<c>a</c>/<c>A</c>), roman numerals (<c>i</c>/<c>I</c>),
/// words (<c>w</c>, <c>W</c>, <c>Ww</c>), each optionally ordinal (<c>;o</c>).
/// </summary>
internal sealed class IntegerPicture
{
    private static readonly string[] Few = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen"];
    private static readonly string[] Ordinals = ["Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth"];
    private static readonly string[] Decades = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];
    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];
    private static readonly (int Value, string Numeral)[] Roman = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];

    private enum Kind
    {
        Decimal,
        Letters,
        Roman,
        Words,
    }

    private enum Case
    {
        Lower,
        Upper,
        Title,
    }

    private Kind kind;
    private Case letterCase;
    private readonly List<(int Position, char Character)> separators = [];
    private int regularGroup;
    private char zero = '0';

    public bool Ordinal { get; private set; }

    public int MandatoryDigits { get; private set; }

    public int OptionalDigits { get; private set; }

    public bool IsDecimal => kind == Kind.Decimal;

    public bool HasRegularGrouping => regularGroup > 0;

    public static IntegerPicture Parse(string picture)
    {
        var result = new IntegerPicture();
        var primary = picture;
        var semicolon = picture.LastIndexOf(';');
        if (semicolon >= 0)
        {
            primary = picture[..semicolon];
            result.Ordinal = picture.Length > semicolon + 1 && picture[semicolon + 1] == 'o';
        }

        (result.kind, result.letterCase) = primary switch
        {
            "A" => (Kind.Letters, Case.Upper),
            "a" => (Kind.Letters, Case.Lower),
            "I" => (Kind.Roman, Case.Upper),
            "i" => (Kind.Roman, Case.Lower),
            "W" => (Kind.Words, Case.Upper),
            "Ww" => (Kind.Words, Case.Title),
            "w" => (Kind.Words, Case.Lower),
            _ => (Kind.Decimal, Case.Lower),
        };
        if (result.kind == Kind.Decimal)
        {
            result.ParseDecimal(primary);
        }

        return result;
    }

    private void ParseDecimal(string primary)
    {
        var position = 0;
        for (var i = primary.Length - 1; i >= 0; i--)
        {
            var c = primary[i];
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit >= 0)
            {
                // Any Unicode decimal digit family works (Arabic-Indic, full-width, …), but only one per picture.
                var zero = (char)(c - digit);
                if (MandatoryDigits > 0 && zero != this.zero)
                {
                    throw Errors.Create("D3131");
                }

                this.zero = zero;
                MandatoryDigits++;
                position++;
            }
            else if (c == '#')
            {
                OptionalDigits++;
                position++;
            }
            else
            {
                separators.Add((position, c));
            }
        }

        if (MandatoryDigits == 0)
        {
            throw Errors.Create("D3130", value: primary);
        }

        regularGroup = RegularInterval();
    }

    private int RegularInterval()
    {
        if (separators.Count == 0 || separators.Any(s => s.Character != separators[0].Character))
        {
            return 0;
        }

        var factor = separators.Select(s => s.Position).Aggregate(Gcd);
        for (var i = 1; i <= separators.Count; i++)
        {
            if (!separators.Any(s => s.Position == i * factor))
            {
                return 0;
            }
        }

        return factor;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    public string Format(long value)
    {
        var negative = value < 0;
        var magnitude = Math.Abs(value);
        var text = kind switch
        {
            Kind.Letters => Letters(magnitude),
            Kind.Roman => RomanNumeral(magnitude),
            Kind.Words => Words(magnitude),
            _ => Decimal(magnitude),
        };
        text = letterCase switch
        {
            Case.Upper => text.ToUpperInvariant(),
            Case.Lower when kind == Kind.Words => text.ToLowerInvariant(),
            _ => text,
        };
        return negative ? "-" + text : text;
    }

    private string Decimal(long value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture).PadLeft(MandatoryDigits, '0');
        var result = new StringBuilder(digits);
        if (regularGroup > 0)
        {
            var separator = separators[0].Character;
            for (var position = regularGroup; position < digits.Length; position += regularGroup)
            {
                result.Insert(digits.Length - position, separator);
            }
        }
        else
        {
            foreach (var (position, character) in separators.OrderBy(s => s.Position))
            {
                if (position <= digits.Length)
                {
                    result.Insert(digits.Length - position, character);
                }
            }
        }

        var text = this.zero == '0' ? result.ToString() : new string(result.ToString().Select(c => char.IsAsciiDigit(c) ? (char)(this.zero + (c - '0')) : c).ToArray());
        return Ordinal ? text + OrdinalSuffix(value) : text;
    }

    private static string OrdinalSuffix(long value)
    {
        var lastTwo = value % 100;
        if (lastTwo is >= 11 and <= 13)
        {
            return "th";
        }

        return (value % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
    }

    private static string Letters(long value)
    {
        var result = new StringBuilder();
        while (value > 0)
        {
            value--;
            result.Insert(0, (char)('a' + (value % 26)));
            value /= 26;
        }

        return result.ToString();
    }

    private static string RomanNumeral(long value)
    {
        var result = new StringBuilder();
        foreach (var (number, numeral) in Roman)
        {
            while (value >= number)
            {
                result.Append(numeral);
                value -= number;
            }
        }

        return result.ToString();
    }

    private string Words(long value) => WordsOf(value, false, Ordinal);

    private static string WordsOf(long number, bool previous, bool ordinal)
    {
        if (number <= 19)
        {
            return (previous ? " and " : string.Empty) + (ordinal ? Ordinals[number] : Few[number]);
        }

        if (number < 100)
        {
            var words = (previous ? " and " : string.Empty) + Decades[(number / 10) - 2];
            var remainder = number % 10;
            if (remainder > 0)
            {
                return words + "-" + WordsOf(remainder, false, ordinal);
            }

            return ordinal ? words[..^1] + "ieth" : words;
        }

        if (number < 1000)
        {
            var words = (previous ? ", " : string.Empty) + Few[number / 100] + " Hundred";
            var remainder = number % 100;
            return remainder > 0 ? words + WordsOf(remainder, true, ordinal) : ordinal ? words + "th" : words;
        }

        var magnitude = Math.Min((int)Math.Floor(Math.Log10(number) / 3), Magnitudes.Length);
        var factor = (long)Math.Pow(10, magnitude * 3);
        var mantissa = number / factor;
        var rest = number - (mantissa * factor);
        var text = (previous ? ", " : string.Empty) + WordsOf(mantissa, false, false) + " " + Magnitudes[magnitude - 1];
        return rest > 0 ? text + WordsOf(rest, true, ordinal) : ordinal ? text + "th" : text;
    }

    /// <summary>Reads a number written in this picture; null when the text does not fit.</summary>
    public double? Read(string text)
    {
        switch (kind)
        {
            case Kind.Letters:
                long letters = 0;
                foreach (var c in text.ToLowerInvariant())
                {
                    letters = (letters * 26) + (c - 'a' + 1);
                }

                return letters;
            case Kind.Roman:
                return ReadRoman(text.ToUpperInvariant());
            case Kind.Words:
                return ReadWords(text.ToLowerInvariant());
            default:
                var digits = new string(text.Select(c => CharUnicodeInfo.GetDecimalDigitValue(c)).Where(d => d >= 0).Select(d => (char)('0' + d)).ToArray());
                return digits.Length == 0 ? null : double.Parse(digits, CultureInfo.InvariantCulture);
        }
    }

    private static double ReadRoman(string text)
    {
        var values = new Dictionary<char, int> { ['M'] = 1000, ['D'] = 500, ['C'] = 100, ['L'] = 50, ['X'] = 10, ['V'] = 5, ['I'] = 1 };
        var total = 0;
        var max = 1;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var value = values.GetValueOrDefault(text[i]);
            if (value < max)
            {
                total -= value;
            }
            else
            {
                max = value;
                total += value;
            }
        }

        return total;
    }

    private static double? ReadWords(string text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Few.Length; i++)
        {
            values[Few[i].ToLowerInvariant()] = i;
            values[Ordinals[i].ToLowerInvariant()] = i;
        }

        for (var i = 0; i < Decades.Length; i++)
        {
            var word = Decades[i].ToLowerInvariant();
            values[word] = (i + 2) * 10;
            values[word[..^1] + "ieth"] = (i + 2) * 10;
        }

        values["hundred"] = 100;
        values["hundredth"] = 100;
        for (var i = 0; i < Magnitudes.Length; i++)
        {
            var word = Magnitudes[i].ToLowerInvariant();
            values[word] = (long)Math.Pow(10, (i + 1) * 3);
            values[word + "th"] = values[word];
        }

        var parts = System.Text.RegularExpressions.Regex.Split(text, @",\s|\sand\s|[\s\\-]");
        var segments = new List<long> { 0 };
        foreach (var part in parts)
        {
            if (!values.TryGetValue(part, out var value))
            {
                return null;
            }

            if (value < 100)
            {
                var top = segments[^1];
                segments.RemoveAt(segments.Count - 1);
                if (top >= 1000)
                {
                    segments.Add(top);
                    top = 0;
                }

                segments.Add(top + value);
            }
            else
            {
                segments[^1] *= value;
            }
        }

        return segments.Sum();
    }
}
