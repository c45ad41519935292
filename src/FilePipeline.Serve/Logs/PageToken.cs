using System.Globalization;
using System.Text;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Logs;

/// <summary>The opaque <c>nextToken</c>s serve hands out: base64 text that only serve reads back.</summary>
public static class PageToken
{
    public static string ForOffset(int offset) => Encode("o/" + offset.ToString(CultureInfo.InvariantCulture));

    public static int Offset(string token) =>
        Decode(token) is ['o', '/', .. var digits] && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : throw InvalidToken();

    /// <summary>A position in FilterLogEvents' order: after the event at <paramref name="timestamp"/> in <paramref name="stream"/>.</summary>
    public static string After(long timestamp, string stream, long sequence) =>
        Encode(string.Create(CultureInfo.InvariantCulture, $"e/{timestamp}/{sequence}/{stream}"));

    public static (long Timestamp, string Stream, long Sequence) Position(string token)
    {
        var parts = Decode(token).Split('/', 4);
        return parts is ["e", var timestamp, var sequence, var stream]
            && long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var time)
            && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? (time, stream, number)
            : throw InvalidToken();
    }

    private static string Encode(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw InvalidToken();
        }
    }

    private static AwsErrorException InvalidToken() => new("InvalidParameterException", "The specified nextToken is invalid.");
}
