using System.Text.Json.Nodes;
using FilePipeline.Serve.Logs;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Tests.Logs;

/// <summary>GetLogEvents' and FilterLogEvents' paging and time bounds, on a group held in memory.</summary>
public sealed class LogEventQueriesTests
{
    private readonly MemoryLogGroup group = new(
        ("a", 10, "one"), ("a", 20, "two"), ("a", 30, "three"), ("a", 40, "four"),
        ("b", 15, "uno"), ("b", 30, "tres"));

    [Fact]
    public void Get_log_events_from_head_pages_forward_and_returns_the_same_token_at_the_end()
    {
        var first = LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "a", ["startFromHead"] = true, ["limit"] = 3 }));
        Assert.Equal(["one", "two", "three"], Messages(first));

        var token = first["nextForwardToken"]!.GetValue<string>();
        var second = LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "a", ["nextToken"] = token, ["limit"] = 3 }));
        Assert.Equal(["four"], Messages(second));

        var end = second["nextForwardToken"]!.GetValue<string>();
        var third = LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "a", ["nextToken"] = end, ["limit"] = 3 }));
        Assert.Empty(Messages(third));
        Assert.Equal(end, third["nextForwardToken"]!.GetValue<string>());
        Assert.Matches("^f/[0-9]{56}$", end);
    }

    [Fact]
    public void Get_log_events_without_a_token_returns_the_latest_and_pages_backward()
    {
        var latest = LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "a", ["limit"] = 2 }));
        Assert.Equal(["three", "four"], Messages(latest));

        var back = LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "a", ["limit"] = 2, ["nextToken"] = latest["nextBackwardToken"]!.GetValue<string>() }));
        Assert.Equal(["one", "two"], Messages(back));
    }

    [Fact]
    public void Get_log_events_includes_the_start_time_and_excludes_the_end_time()
    {
        var window = LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "a", ["startTime"] = 20, ["endTime"] = 40, ["startFromHead"] = true }));
        Assert.Equal(["two", "three"], Messages(window));
    }

    [Fact]
    public void Get_log_events_of_an_unknown_stream_is_ResourceNotFoundException()
    {
        var error = Assert.Throws<AwsErrorException>(() => LogEventQueries.GetLogEvents(group, Request(new JsonObject { ["logStreamName"] = "zzz" })));
        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal("The specified log stream does not exist.", error.Message);
    }

    [Fact]
    public void Filter_log_events_merges_streams_by_time_and_pages_with_next_token_until_done()
    {
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var request = new JsonObject { ["limit"] = 4 };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = LogEventQueries.FilterLogEvents(group, Request(request));
            seen.AddRange(Messages(page));
            token = page["nextToken"]?.GetValue<string>();
            pages++;
        }
        while (token is not null);

        Assert.Equal(["one", "uno", "two", "three", "tres", "four"], seen);
        Assert.Equal(2, pages);
    }

    [Fact]
    public void Filter_log_events_bounds_time_inclusively_selects_streams_and_applies_the_pattern()
    {
        var result = LogEventQueries.FilterLogEvents(group, Request(new JsonObject { ["startTime"] = 15, ["endTime"] = 30, ["logStreamNames"] = new JsonArray("b") }));
        Assert.Equal(["uno", "tres"], Messages(result));
        Assert.All(result["events"]!.AsArray(), e => Assert.Matches("^[0-9]{56}$", e!["eventId"]!.GetValue<string>()));

        var filtered = LogEventQueries.FilterLogEvents(group, Request(new JsonObject { ["filterPattern"] = "?one ?tres" }));
        Assert.Equal(["one", "tres"], Messages(filtered));

        var both = Assert.Throws<AwsErrorException>(() => LogEventQueries.FilterLogEvents(group, Request(new JsonObject { ["logStreamNames"] = new JsonArray("a"), ["logStreamNamePrefix"] = "a" })));
        Assert.Equal("InvalidParameterException", both.Code);
    }

    private static LogsRequest Request(JsonObject body) => new(body);

    private static List<string> Messages(JsonObject response) => [.. response["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>())];

    private sealed class MemoryLogGroup(params (string Stream, long Timestamp, string Message)[] events) : LogGroup("g", null, 0)
    {
        public override IReadOnlyList<LogStream> Streams() => [.. events.Select(e => e.Stream).Distinct().Select(name => new LogStream(name, 0))];

        public override IReadOnlyList<LogEvent> Events(Func<string, bool> stream, long startTime = long.MinValue, long endTime = long.MaxValue) =>
            [.. events.GroupBy(e => e.Stream).Where(g => stream(g.Key)).SelectMany(g => g.Select((e, i) => new LogEvent(e.Stream, e.Timestamp, e.Timestamp, e.Message, i)))];
    }
}
