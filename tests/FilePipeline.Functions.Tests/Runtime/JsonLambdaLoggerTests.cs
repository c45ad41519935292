using System.Text.Json.Nodes;
using FilePipeline.Functions.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Functions.Tests.Runtime;

public sealed class JsonLambdaLoggerTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 12, 34, 56, 789, TimeSpan.Zero));
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

#pragma warning disable CA1859 // The level shorthands are the interface's default members, reachable only through ILambdaLogger.
    private ILambdaLogger NewLogger(LogLevel minimumLevel = LogLevel.Information) => new JsonLambdaLogger(output, time, minimumLevel);
#pragma warning restore CA1859

    private JsonObject SingleLine()
    {
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        return JsonNode.Parse(lines[0])!.AsObject();
    }

    // Lambda's log-level filtering for custom runtimes reads a "level" key (TRACE … FATAL) and an RFC 3339
    // timestamp: https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-log-level.html
    [Fact]
    public void An_entry_is_one_json_line_in_Lambdas_format_with_the_scoped_fields()
    {
        var logger = NewLogger().WithField("requestId", "req-9").WithField("fileId", "b/k.csv@e");

        logger.LogInformation("hello");

        var line = SingleLine();
        Assert.Equal(["timestamp", "level", "message", "requestId", "fileId"], line.Select(p => p.Key));
        Assert.Equal("2026-11-28T12:34:56.789Z", (string?)line["timestamp"]);
        Assert.Equal("INFO", (string?)line["level"]);
        Assert.Equal("hello", (string?)line["message"]);
        Assert.Equal("req-9", (string?)line["requestId"]);
        Assert.Equal("b/k.csv@e", (string?)line["fileId"]);
    }

    [Fact]
    public void WithField_leaves_the_original_logger_unchanged_and_replaces_a_field_of_the_same_name()
    {
        var root = NewLogger();
        var scoped = root.WithField("messageId", "m1");

        scoped.WithField("messageId", "m2").LogInformation("second");
        var replaced = SingleLine();
        Assert.Equal("m2", (string?)replaced["messageId"]);
        Assert.Single(replaced, p => p.Key == "messageId");

        output.GetStringBuilder().Clear();
        root.LogInformation("root");
        Assert.False(SingleLine().ContainsKey("messageId"));
    }

    [Fact]
    public void Entries_below_the_minimum_level_are_not_written()
    {
        var logger = NewLogger(LogLevel.Warning);

        logger.LogInformation("quiet");
        logger.LogError("loud");

        Assert.Equal("ERROR", (string?)SingleLine()["level"]);
    }

    [Fact]
    public void An_exception_adds_its_type_message_and_stack_trace()
    {
        Exception caught;
        try
        {
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException e)
        {
            caught = e;
        }

        NewLogger().LogError(caught, "failed");

        var line = SingleLine();
        Assert.Equal("InvalidOperationException", (string?)line["errorType"]);
        Assert.Equal("boom", (string?)line["errorMessage"]);
        Assert.NotEmpty(line["stackTrace"]!.AsArray());
    }

    [Fact]
    public void Message_template_arguments_fill_the_placeholders_and_become_properties()
    {
        NewLogger().LogWarning("Read {rows} rows of {fileName}", 42, "a.csv");

        var line = SingleLine();
        Assert.Equal("WARN", (string?)line["level"]);
        Assert.Equal("Read 42 rows of a.csv", (string?)line["message"]);
        Assert.Equal("42", (string?)line["rows"]);
        Assert.Equal("a.csv", (string?)line["fileName"]);
    }

    [Fact]
    public void Without_arguments_braces_in_a_message_are_text()
    {
        NewLogger().LogInformation("key {not a template}");

        Assert.Equal("key {not a template}", (string?)SingleLine()["message"]);
    }

    [Theory]
    [InlineData("Trace", LogLevel.Trace)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("Critical", LogLevel.Critical)]
    public void The_level_names_Amazon_Lambda_Cores_shorthands_pass_are_read(string name, LogLevel expected)
    {
        Assert.Equal(expected, JsonLambdaLogger.ParseLevel(name));
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData(null, LogLevel.Information)]
    [InlineData("verbose", LogLevel.Information)]
    public void AWS_LAMBDA_LOG_LEVEL_values_map_to_levels_and_back(string? value, LogLevel expected)
    {
        Assert.Equal(expected, JsonLambdaLogger.ParseLevel(value));
        if (value is "TRACE" or "INFO" or "WARN" or "ERROR" or "FATAL")
        {
            Assert.Equal(value, JsonLambdaLogger.LevelName(expected));
        }
    }

    [Fact]
    public async Task Concurrent_writers_never_interleave_lines()
    {
        var logger = NewLogger();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                logger.WithField("messageId", $"{worker}-{i}").LogInformation(new string('x', 100));
            }
        })));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1600, lines.Length);
        Assert.All(lines, line => Assert.NotNull(JsonNode.Parse(line)));
    }
}
