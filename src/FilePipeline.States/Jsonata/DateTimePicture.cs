using System.Globalization;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// XPath date/time picture strings (<c>[Y0001]-[M01]-[D01]</c>, <c>[FNn], [D1o] [MNn]</c>, <c>[h]:[m01][P]</c>)
/// for $fromMillis, $now and $toMillis. A marker is a component letter, an optional presentation and an
/// optional width; text outside brackets is literal (<c>[[</c> and <c>]]</c> escape brackets).
/// </summary>
internal static class DateTimePicture
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Days = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    internal sealed record Marker(char Component, string Presentation, string? Modifier, int? MinWidth, int? MaxWidth);

    public static string Format(long millis, string picture, string? timezone)
    {
        var offsetMinutes = 0;
        if (timezone is not null && int.TryParse(timezone, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            offsetMinutes = ((offset / 100) * 60) + (offset % 100);
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds(millis).ToOffset(TimeSpan.FromMinutes(offsetMinutes));
        var result = new StringBuilder();
        foreach (var part in Split(picture))
        {
            result.Append(part is Marker marker ? FormatComponent(time, marker, offsetMinutes) : (string)part);
        }

        return result.ToString();
    }

    /// <summary>The picture as literal strings and <see cref="Marker"/>s.</summary>
    internal static List<object> Split(string picture)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < picture.Length; i++)
        {
            var c = picture[i];
            if (c is '[' or ']' && i + 1 < picture.Length && picture[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c != '[')
            {
                literal.Append(c);
                continue;
            }

            var end = picture.IndexOf(']', i);
            if (end < 0)
            {
                throw Errors.Create("D3135");
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(ParseMarker(new string(picture[(i + 1)..end].Where(ch => !char.IsWhiteSpace(ch)).ToArray())));
            i = end;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return parts;
    }

    private static Marker ParseMarker(string text)
    {
        var component = text[0];
        var rest = text[1..];
        int? min = null, max = null;
        var comma = rest.LastIndexOf(',');
        if (comma >= 0)
        {
            var width = rest[(comma + 1)..];
            rest = rest[..comma];
            var dash = width.IndexOf('-', StringComparison.Ordinal);
            var minText = dash >= 0 ? width[..dash] : width;
            var maxText = dash >= 0 ? width[(dash + 1)..] : null;
            min = int.TryParse(minText, CultureInfo.InvariantCulture, out var mn) ? mn : null;
            max = maxText is not null && int.TryParse(maxText, CultureInfo.InvariantCulture, out var mx) ? mx : null;
        }

        string? modifier = null;
        if (rest.Length > 1 && rest[^1] is 'o' or 'c' or 't' && !(rest is "Nn" or "Ww"))
        {
            modifier = rest[^1].ToString();
            rest = rest[..^1];
        }

        if (rest.Length == 0)
        {
            rest = component switch
            {
                'F' or 'P' or 'C' or 'E' => "n",
                'm' or 's' => "01",
                'Z' or 'z' => "01:01",
                _ => "1",
            };
        }

        if ("YMDdFWwXxHhPmsfZzCE".IndexOf(component, StringComparison.Ordinal) < 0)
        {
            throw Errors.Create("D3132", value: component.ToString());
        }

        return new Marker(component, rest, modifier, min, max);
    }

    private static string FormatComponent(DateTimeOffset time, Marker marker, int offsetMinutes)
    {
        switch (marker.Component)
        {
            case 'P':
                var ampm = time.Hour < 12 ? "am" : "pm";
                return marker.Presentation == "N" ? ampm.ToUpperInvariant() : ampm;
            case 'Z' or 'z':
                return FormatOffset(marker, offsetMinutes);
            case 'C' or 'E':
                return "ISO";
        }

        var value = marker.Component switch
        {
            'Y' => time.Year,
            'M' => time.Month,
            'D' => time.Day,
            'd' => time.DayOfYear,
            'F' => time.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)time.DayOfWeek,
            'W' => ISOWeek.GetWeekOfYear(time.DateTime),
            'w' => WeekOfMonth(time).Week,
            'X' => ISOWeek.GetYear(time.DateTime),
            'x' => WeekOfMonth(time).Month,
            'H' => time.Hour,
            'h' => time.Hour % 12 == 0 ? 12 : time.Hour % 12,
            'm' => time.Minute,
            's' => time.Second,
            _ => time.Millisecond,
        };

        if (marker.Presentation is "N" or "n" or "Nn")
        {
            var name = marker.Component switch
            {
                'M' or 'x' => Months[value - 1],
                'F' => Days[value],
                _ => throw Errors.Create("D3133", value: marker.Component.ToString()),
            };
            name = marker.Presentation switch
            {
                "N" => name.ToUpperInvariant(),
                "n" => name.ToLowerInvariant(),
                _ => name,
            };
            return marker.MaxWidth is { } max && name.Length > max ? name[..max] : name;
        }

        var picture = IntegerPicture.Parse(marker.Presentation + (marker.Modifier == "o" ? ";o" : string.Empty));
        if (marker.Component == 'f')
        {
            return FormatFraction(value, marker);
        }

        if (marker.Component == 'Y')
        {
            // The year's width: an explicit maximum, else the picture's digits (widened to the minimum) when two or more.
            var width = Math.Max(picture.MandatoryDigits, marker.MinWidth ?? 0) + picture.OptionalDigits;
            var digits = marker.MaxWidth ?? (picture.IsDecimal && width >= 2 ? width : -1);
            if (digits > 0)
            {
                value %= (int)Math.Pow(10, digits);
                return marker.MaxWidth is { } exact
                    ? value.ToString(CultureInfo.InvariantCulture).PadLeft(exact, '0')
                    : picture.Format(value).PadLeft(marker.MinWidth ?? 0, '0');
            }
        }

        var text = picture.Format(value);
        return marker.MinWidth is { } min && picture.IsDecimal ? text.PadLeft(min, '0') : text;
    }

    private static string FormatFraction(int millis, Marker marker)
    {
        var digits = marker.Presentation.Count(char.IsAsciiDigit);
        var width = Math.Max(digits, marker.MinWidth ?? 0);
        var fraction = (millis / 1000.0).ToString("F" + Math.Max(width, 3).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)[2..];
        return fraction.Length > width && width > 0 ? fraction[..width] : fraction;
    }

    // ISO-style weeks of a month: week 1 is the Monday-to-Sunday week holding the month's first Thursday,
    // so the first or last days of a month can belong to a week of the neighbouring month.
    private static (int Week, int Month) WeekOfMonth(DateTimeOffset time)
    {
        var date = time.Date;
        var month = new DateTime(date.Year, date.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var start = StartOfFirstWeek(month);
        var nextStart = StartOfFirstWeek(month.AddMonths(1));
        if (date >= nextStart)
        {
            return (1, month.AddMonths(1).Month);
        }

        if (date < start)
        {
            var previous = StartOfFirstWeek(month.AddMonths(-1));
            return (((date - previous).Days / 7) + 1, month.AddMonths(-1).Month);
        }

        return (((date - start).Days / 7) + 1, month.Month);
    }

    private static DateTime StartOfFirstWeek(DateTime firstOfMonth)
    {
        var day = firstOfMonth.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)firstOfMonth.DayOfWeek;
        return day > 4 ? firstOfMonth.AddDays(8 - day) : firstOfMonth.AddDays(1 - day);
    }

    private static string FormatOffset(Marker marker, int offsetMinutes)
    {
        var hours = offsetMinutes / 60;
        var minutes = Math.Abs(offsetMinutes % 60);
        string text;
        var presentation = marker.Presentation;
        if (presentation.Contains(':', StringComparison.Ordinal))
        {
            var hourDigits = presentation.IndexOf(':', StringComparison.Ordinal);
            text = Math.Abs(hours).ToString(CultureInfo.InvariantCulture).PadLeft(hourDigits, '0') + ":" + minutes.ToString("00", CultureInfo.InvariantCulture);
        }
        else if (presentation.Count(char.IsAsciiDigit) > 4)
        {
            throw Errors.Create("D3134", value: presentation.Count(char.IsAsciiDigit).ToString(CultureInfo.InvariantCulture));
        }
        else if (presentation.Length <= 2)
        {
            text = Math.Abs(hours).ToString(CultureInfo.InvariantCulture).PadLeft(presentation.Length, '0');
            if (minutes != 0)
            {
                text += ":" + minutes.ToString("00", CultureInfo.InvariantCulture);
            }
        }
        else
        {
            text = ((Math.Abs(hours) * 100) + minutes).ToString(CultureInfo.InvariantCulture).PadLeft(presentation.Length, '0');
        }

        text = (offsetMinutes < 0 ? "-" : "+") + text;
        if (marker.Component == 'z')
        {
            text = "GMT" + text;
        }

        return offsetMinutes == 0 && marker.Modifier == "t" ? "Z" : text;
    }
}
