using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// GetLogEvents (one stream, forward and backward tokens <c>f/…</c> and <c>b/…</c>; at either end the token
/// comes back unchanged, which is how clients know to stop) and FilterLogEvents (several streams merged by
/// time, a filter pattern, <c>nextToken</c> only while more remain).
/// </summary>
public static class LogEventQueries
{
    private const int MaxEvents = 10_000;

    public static JsonObject GetLogEvents(LogGroup group, LogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(request);
        var streamName = request.Text("logStreamName") ?? throw LogsRequest.Invalid("logStreamName", "is required");
        if (group.Streams().All(s => s.Name != streamName))
        {
            throw new AwsErrorException("ResourceNotFoundException", "The specified log stream does not exist.");
        }

        // startTime is inclusive, endTime exclusive for this operation.
        var start = request.Number("startTime") ?? long.MinValue;
        var end = request.Number("endTime") ?? long.MaxValue;
        var events = group.Events(name => name == streamName, start, end).Where(e => e.Timestamp >= start && e.Timestamp < end).ToList();
        var limit = request.Limit(MaxEvents, MaxEvents);
        int from, to;
        switch (request.Text("nextToken"))
        {
            case null when request.Flag("startFromHead"):
                (from, to) = (0, Math.Min(limit, events.Count));
                break;
            case null:
                (from, to) = (Math.Max(0, events.Count - limit), events.Count);
                break;
            case ['f', '/', .. var forward]:
                from = Math.Min(StreamIndex(forward), events.Count);
                to = Math.Min(from + limit, events.Count);
                break;
            case ['b', '/', .. var backward]:
                to = Math.Min(StreamIndex(backward), events.Count);
                from = Math.Max(0, to - limit);
                break;
            default:
                throw new AwsErrorException("InvalidParameterException", "The specified nextToken is invalid.");
        }

        return new JsonObject
        {
            ["events"] = new JsonArray([.. events.Skip(from).Take(to - from).Select(e => new JsonObject
            {
                ["timestamp"] = e.Timestamp,
                ["message"] = e.Message,
                ["ingestionTime"] = e.IngestionTime,
            })]),
            ["nextForwardToken"] = "f/" + to.ToString("D56", CultureInfo.InvariantCulture),
            ["nextBackwardToken"] = "b/" + from.ToString("D56", CultureInfo.InvariantCulture),
        };
    }

    public static JsonObject FilterLogEvents(LogGroup group, LogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(request);
        var names = request.Texts("logStreamNames");
        var prefix = request.Text("logStreamNamePrefix");
        if (names is not null && prefix is not null)
        {
            throw new AwsErrorException("InvalidParameterException", "Cannot specify both logStreamNames and logStreamNamePrefix.");
        }

        // Both ends are inclusive for this operation.
        var start = request.Number("startTime") ?? long.MinValue;
        var end = request.Number("endTime") ?? long.MaxValue;
        var pattern = FilterPattern.Parse(request.Text("filterPattern"));
        var limit = request.Limit(MaxEvents, MaxEvents);
        var after = request.Text("nextToken") is { } token ? PageToken.Position(token) : ((long, string, long)?)null;
        var matching = group.Events(name => (names is null || names.Contains(name)) && (prefix is null || name.StartsWith(prefix, StringComparison.Ordinal)), start, end)
            .Where(e => e.Timestamp >= start && e.Timestamp <= end && (after is null || IsAfter(e, after.Value)) && pattern.Matches(e.Message))
            .OrderBy(e => e.Timestamp).ThenBy(e => e.StreamName, StringComparer.Ordinal).ThenBy(e => e.Sequence)
            .Take(limit + 1)
            .ToList();
        var page = matching.Take(limit).ToList();
        var response = new JsonObject
        {
            ["events"] = new JsonArray([.. page.Select(e => new JsonObject
            {
                ["logStreamName"] = e.StreamName,
                ["timestamp"] = e.Timestamp,
                ["message"] = e.Message,
                ["ingestionTime"] = e.IngestionTime,
                ["eventId"] = EventId(e),
            })]),
            ["searchedLogStreams"] = new JsonArray(),
        };
        if (matching.Count > limit)
        {
            response["nextToken"] = PageToken.After(page[^1].Timestamp, page[^1].StreamName, page[^1].Sequence);
        }

        return response;
    }

    private static bool IsAfter(LogEvent e, (long Timestamp, string Stream, long Sequence) position)
    {
        var byStream = string.CompareOrdinal(e.StreamName, position.Stream);
        return e.Timestamp > position.Timestamp || (e.Timestamp == position.Timestamp && (byStream > 0 || (byStream == 0 && e.Sequence > position.Sequence)));
    }

    private static int StreamIndex(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new AwsErrorException("InvalidParameterException", "The specified nextToken is invalid.");

    /// <summary>A 56-digit id, as CloudWatch's, unique within the group: time, the stream, the place in the stream.</summary>
    private static string EventId(LogEvent e)
    {
        var stream = BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(e.StreamName)), 0);
        return string.Create(CultureInfo.InvariantCulture, $"{e.Timestamp:D20}{stream:D10}{e.Sequence:D26}");
    }
}
