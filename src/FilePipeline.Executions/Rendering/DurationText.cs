using System.Globalization;

namespace FilePipeline.Executions.Rendering;

/// <summary>Durations and timestamps written the way a person reads them.</summary>
internal static class DurationText
{
    /// <summary>"850 ms", "1.234 s", "2 min 03.5 s", "1 h 02 min".</summary>
    public static string Format(TimeSpan duration)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Negate());
        }

        return duration.TotalSeconds switch
        {
            < 1 => string.Create(c, $"{duration.TotalMilliseconds:0} ms"),
            < 60 => string.Create(c, $"{duration.TotalSeconds:0.000} s"),
            < 3600 => string.Create(c, $"{(int)duration.TotalMinutes} min {duration.TotalSeconds % 60:00.0} s"),
            _ => string.Create(c, $"{(int)duration.TotalHours} h {duration.Minutes:00} min"),
        };
    }

    /// <summary>UTC, to the millisecond, as the console's table shows.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
