using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// A function's log group, read from the JSON log files the local host writes in the state directory's
/// <c>logs/</c> (one file per host process, each line tagged with its function). Each file is one
/// execution environment of the function, so one stream, named as Lambda names them:
/// <c>{yyyy/MM/dd}/[$LATEST]{32 hex}</c>. A line's message is the JSON line itself, as with Lambda's JSON log format.
/// A group no function writes to (<paramref name="functionName"/> null) stays empty.
/// </summary>
public sealed class FunctionLogGroup(string name, int? retentionInDays, long creationTime, string? functionName, string logDirectory)
    : LogGroup(name, retentionInDays, creationTime)
{
    public override IReadOnlyList<LogStream> Streams() =>
        [.. ReadAll().Select(stream => new LogStream(stream.Key, stream.Value[0].Timestamp, stream.Value[0].Timestamp, stream.Value[^1].Timestamp, stream.Value[^1].IngestionTime))];

    public override IReadOnlyList<LogEvent> Events(Func<string, bool> stream, long startTime = long.MinValue, long endTime = long.MaxValue) =>
        [.. ReadAll().Where(pair => stream(pair.Key)).SelectMany(pair => pair.Value)];

    private SortedDictionary<string, List<LogEvent>> ReadAll()
    {
        var streams = new SortedDictionary<string, List<LogEvent>>(StringComparer.Ordinal);
        if (!Directory.Exists(logDirectory))
        {
            return streams;
        }

        foreach (var file in Directory.EnumerateFiles(logDirectory, "*.log").Order(StringComparer.Ordinal))
        {
            List<LogEvent>? events = null;
            string? stream = null;
            foreach (var (timestamp, line) in LinesOf(file))
            {
                stream ??= StreamName(file, timestamp);
                events ??= streams.TryGetValue(stream, out var existing) ? existing : streams[stream] = [];
                events.Add(new LogEvent(stream, timestamp, timestamp, line, events.Count));
            }
        }

        return streams;
    }

    /// <summary>This function's lines of one file (read while the host may append to it; a line not yet whole is skipped).</summary>
    private IEnumerable<(long Timestamp, string Line)> LinesOf(string file)
    {
        using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } line)
        {
            if (Parse(line) is { Function: { } function } entry && function == functionName)
            {
                yield return (entry.Timestamp, line);
            }
        }
    }

    private static (string? Function, long Timestamp)? Parse(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("timestamp", out var timestamp)
                && timestamp.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(timestamp.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? (root.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.String ? function.GetString() : null, time.ToUnixTimeMilliseconds())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string StreamName(string file, long firstTimestamp)
    {
        var environment = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n" + functionName)))[..32];
        var date = DateTimeOffset.FromUnixTimeMilliseconds(firstTimestamp).UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
        return $"{date}/[$LATEST]{environment}";
    }
}
