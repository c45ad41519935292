using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// $toMillis with a picture: the picture becomes one regular expression (a capture per component,
/// shaped by its presentation: digits, names, words, roman numerals, letters, time zones), and the
/// captures are read back into a UTC instant. Components above the most significant one given come
/// from the current date, those below the least significant one are their minimum; a gap between
/// given components (e.g. year and day without month) is error D3136.
/// </summary>
internal static class DateTimeParser
{
    private static readonly string[] Months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    private static readonly char[] Significance = ['Y', 'M', 'D', 'H', 'm', 's', 'f'];

    public static double? Parse(string timestamp, string picture, DateTimeOffset now)
    {
        var parts = DateTimePicture.Split(picture);
        var markers = parts.OfType<DateTimePicture.Marker>().ToList();
        foreach (var marker in markers)
        {
            if (IsName(marker) && marker.Component is not ('M' or 'x' or 'F' or 'P'))
            {
                throw Errors.Create("D3133", value: marker.Component.ToString());
            }
        }

        // Week-based dates (ISO week year, week of year or month) cannot be turned back into a day.
        if (markers.Any(m => m.Component is 'X' or 'W' or 'x' or 'w'))
        {
            throw Errors.Create("D3136");
        }

        var pattern = new StringBuilder("^");
        for (var i = 0; i < parts.Count; i++)
        {
            pattern.Append(parts[i] is DateTimePicture.Marker marker
                ? "(" + PatternOf(marker, adjacent: i + 1 < parts.Count && parts[i + 1] is DateTimePicture.Marker) + ")"
                : Regex.Escape((string)parts[i]));
        }

        var match = Regex.Match(timestamp, pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<char, int>();
        var offsetMinutes = 0;
        var pm = (bool?)null;
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i];
            var text = match.Groups[i + 1].Value;
            switch (marker.Component)
            {
                case 'Z' or 'z':
                    offsetMinutes = ParseOffset(text);
                    break;
                case 'P':
                    pm = text.Equals("pm", StringComparison.OrdinalIgnoreCase);
                    break;
                case 'f':
                    values['f'] = (int)Math.Floor(Math.Round(double.Parse("0." + text, CultureInfo.InvariantCulture) * 1000, 6));
                    break;
                case 'M' or 'x' when IsName(marker):
                    values['M'] = Array.FindIndex(Months, m => m.StartsWith(text.ToLowerInvariant(), StringComparison.Ordinal)) + 1;
                    break;
                case 'Y' or 'M' or 'D' or 'd' or 'H' or 'h' or 'm' or 's':
                    values[marker.Component == 'h' ? 'H' : marker.Component] = ReadNumber(marker, text);
                    break;
            }
        }

        return ToMillis(values, pm, offsetMinutes, now);
    }

    private static bool IsName(DateTimePicture.Marker marker) => marker.Presentation is "N" or "n" or "Nn";

    private static string PatternOf(DateTimePicture.Marker marker, bool adjacent)
    {
        if (marker.Component == 'Z')
        {
            return @"[+-]\d{1,2}(?::?\d{2})?|Z";
        }

        if (marker.Component == 'z')
        {
            return @"GMT[+-]\d{1,2}(?::?\d{2})?";
        }

        if (marker.Component == 'P')
        {
            return "[AaPp][Mm]";
        }

        if (IsName(marker))
        {
            return "[A-Za-z]+";
        }

        switch (marker.Presentation)
        {
            case "w" or "W" or "Ww":
                return "[A-Za-z]+?(?:(?:, | and |[ -])[A-Za-z]+?)*?";
            case "i" or "I":
                return "[MDCLXVImdclxvi]+";
            case "a" or "A":
                return "[A-Za-z]+";
        }

        var digits = marker.Presentation.Count(c => char.IsAsciiDigit(c) || c == '#');
        var number = adjacent ? @"\d{" + (marker.MaxWidth ?? digits).ToString(CultureInfo.InvariantCulture) + "}" : @"\d+";
        return marker.Modifier == "o" ? number + "(?:st|nd|rd|th)" : number;
    }

    private static int ReadNumber(DateTimePicture.Marker marker, string text)
    {
        var presentation = marker.Presentation + (marker.Modifier == "o" ? ";o" : string.Empty);
        if (presentation.StartsWith('#') || char.IsAsciiDigit(presentation[0]))
        {
            text = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        }

        return (int)(IntegerPicture.Parse(presentation).Read(text) ?? 0);
    }

    private static double? ToMillis(Dictionary<char, int> values, bool? pm, int offsetMinutes, DateTimeOffset now)
    {
        if (values.Count == 0)
        {
            return null;
        }

        if (pm is { } isPm && values.TryGetValue('H', out var hour))
        {
            values['H'] = (hour % 12) + (isPm ? 12 : 0);
        }

        var hasDayOfYear = values.ContainsKey('d');
        if (hasDayOfYear)
        {
            values['M'] = 1;
            values['D'] = values['d'];
        }

        var given = Significance.Select(values.ContainsKey).ToArray();
        var first = Array.IndexOf(given, true);
        var last = Array.LastIndexOf(given, true);
        for (var i = first; i <= last; i++)
        {
            if (!given[i])
            {
                throw Errors.Create("D3136");
            }
        }

        int[] current = [now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, now.Millisecond];
        int[] minimum = [0, 1, 1, 0, 0, 0, 0];
        var parts = new int[Significance.Length];
        for (var i = 0; i < Significance.Length; i++)
        {
            parts[i] = given[i] ? values[Significance[i]] : i < first ? current[i] : minimum[i];
        }

        var start = new DateTimeOffset(parts[0], 1, 1, 0, 0, 0, TimeSpan.Zero);
        var instant = hasDayOfYear
            ? start.AddDays(parts[2] - 1)
            : start.AddMonths(parts[1] - 1).AddDays(parts[2] - 1);
        instant = instant.AddHours(parts[3]).AddMinutes(parts[4]).AddSeconds(parts[5]).AddMilliseconds(parts[6]);
        return instant.ToUnixTimeMilliseconds() - (offsetMinutes * 60_000L);
    }

    private static int ParseOffset(string text)
    {
        if (text is "Z" or "")
        {
            return 0;
        }

        var body = text.StartsWith("GMT", StringComparison.Ordinal) ? text[3..] : text;
        var sign = body[0] == '-' ? -1 : 1;
        var numbers = body[1..].Split(':');
        int hours, minutes;
        if (numbers.Length == 2)
        {
            hours = int.Parse(numbers[0], CultureInfo.InvariantCulture);
            minutes = int.Parse(numbers[1], CultureInfo.InvariantCulture);
        }
        else if (numbers[0].Length <= 2)
        {
            hours = int.Parse(numbers[0], CultureInfo.InvariantCulture);
            minutes = 0;
        }
        else
        {
            hours = int.Parse(numbers[0][..^2], CultureInfo.InvariantCulture);
            minutes = int.Parse(numbers[0][^2..], CultureInfo.InvariantCulture);
        }

        return sign * ((hours * 60) + minutes);
    }
}
