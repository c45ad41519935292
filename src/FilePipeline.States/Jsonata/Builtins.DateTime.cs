using System.Globalization;
using System.Text.RegularExpressions;

namespace FilePipeline.States.Jsonata;

/// <summary>Date and time functions: ISO 8601 by default, XPath picture strings through <see cref="DateTimePicture"/>.</summary>
internal static partial class Builtins
{
    private static readonly Regex Iso8601 = new(@"^\d{4}(-[01]\d)?(-[0-3]\d)?(T[0-2]\d:[0-5]\d:[0-5]\d)?(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$", RegexOptions.CultureInvariant);

    private const string IsoPicture = "[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01t]";

    private static object? Now(CallContext context, List<object?> a) =>
        DateTimePicture.Format(context.Evaluator.Now.ToUnixTimeMilliseconds(), a.Count > 0 ? a[0] as string ?? IsoPicture : IsoPicture, a.Count > 1 ? a[1] as string : null);

    private static object? FromMillis(CallContext context, List<object?> a)
    {
        if (a[0] is not double millis)
        {
            return null;
        }

        var picture = a.Count > 1 ? a[1] as string : null;
        var timezone = a.Count > 2 ? a[2] as string : null;
        return DateTimePicture.Format((long)Math.Floor(millis), picture ?? IsoPicture, timezone);
    }

    private static object? ToMillis(CallContext context, List<object?> a)
    {
        if (a[0] is not string timestamp)
        {
            return null;
        }

        if (a.Count > 1 && a[1] is string picture)
        {
            return DateTimeParser.Parse(timestamp, picture, context.Evaluator.Now);
        }

        if (!Iso8601.IsMatch(timestamp))
        {
            throw Errors.Value("D3110", timestamp);
        }

        return ParseIso(timestamp);
    }

    private static double? ParseIso(string timestamp)
    {
        var text = timestamp;
        if (text.Length == 4)
        {
            text += "-01-01";
        }
        else if (text.Length == 7)
        {
            text += "-01";
        }

        var styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        string[] formats =
        [
            "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
            "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszz00", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz00",
        ];
        if (!DateTimeOffset.TryParseExact(NormalizeOffset(text), formats, CultureInfo.InvariantCulture, styles, out var parsed))
        {
            return null;
        }

        return parsed.ToUnixTimeMilliseconds();
    }

    // "+0100" → "+01:00" so one offset format covers both spellings.
    private static string NormalizeOffset(string text)
    {
        var match = Regex.Match(text, @"([+-])(\d\d)(\d\d)$", RegexOptions.CultureInvariant);
        return match.Success && text.Contains('T', StringComparison.Ordinal)
            ? text[..match.Index] + match.Groups[1].Value + match.Groups[2].Value + ":" + match.Groups[3].Value
            : text;
    }
}
