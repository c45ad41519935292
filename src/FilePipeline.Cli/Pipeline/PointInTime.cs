using System.Globalization;

namespace FilePipeline.Cli.Pipeline;

/// <summary>A <c>--since</c>/<c>--until</c> value: an ISO 8601 instant (<c>2026-12-06T08:00Z</c>) or a span back from now (<c>90m</c>, <c>6h</c>, <c>2d</c>).</summary>
internal static class PointInTime
{
    /// <exception cref="UsageException">Neither an instant nor a span.</exception>
    public static DateTimeOffset Parse(string option, string text, DateTimeOffset now)
    {
        if (text.Length >= 2 && text[^1] is 's' or 'm' or 'h' or 'd'
            && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 36_500L * 86_400)
        {
            var span = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return now - span;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : throw new UsageException($"{option} {text}: give an instant (2026-12-06T08:00Z) or a span back from now (90m, 6h, 2d).");
    }
}
