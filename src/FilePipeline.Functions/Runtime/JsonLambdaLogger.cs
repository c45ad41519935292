using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FilePipeline.Functions.Runtime;

/// <summary>
/// Writes one JSON object per line in Lambda's JSON log format
/// (<c>timestamp</c>, <c>level</c>, <c>message</c>, then the scoped fields such as <c>requestId</c>),
/// so CloudWatch's log-level filtering and Logs Insights queries work on it.
/// Child loggers from <see cref="WithField"/> share the writer; lines are never interleaved.
/// Message template arguments become properties of the entry, as in Lambda's .NET runtime.
/// </summary>
public sealed class JsonLambdaLogger : ILambdaLogger
{
    private readonly Sink sink;
    private readonly ImmutableArray<KeyValuePair<string, string>> fields;

    public JsonLambdaLogger(TextWriter output, TimeProvider time, LogLevel minimumLevel = LogLevel.Information)
        : this(new Sink(output, time, minimumLevel), [])
    {
    }

    private JsonLambdaLogger(Sink sink, ImmutableArray<KeyValuePair<string, string>> fields)
    {
        this.sink = sink;
        this.fields = fields;
    }

    /// <summary>
    /// The level name Lambda's log filtering understands for <paramref name="level"/>
    /// (TRACE, DEBUG, INFO, WARN, ERROR, FATAL).
    /// </summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    /// <summary>
    /// Parses <c>AWS_LAMBDA_LOG_LEVEL</c> or a <see cref="LogLevel"/> name, as <see cref="ILambdaLogger"/>'s
    /// shorthands pass it (case-insensitive); null or unknown values mean INFO, Lambda's default.
    /// </summary>
    public static LogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    /// <summary>This logger with <paramref name="name"/> = <paramref name="value"/> on every entry; this one is unchanged.</summary>
    public JsonLambdaLogger WithField(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var field = KeyValuePair.Create(name, value);
        for (var i = 0; i < this.fields.Length; i++)
        {
            if (this.fields[i].Key == name)
            {
                return new JsonLambdaLogger(this.sink, this.fields.SetItem(i, field));
            }
        }

        return new JsonLambdaLogger(this.sink, this.fields.Add(field));
    }

    public void Log(string message) => Write(LogLevel.Information, message, null, null);

    public void LogLine(string message) => Write(LogLevel.Information, message, null, null);

    public void Log(string level, string message) => Write(ParseLevel(level), message, null, null);

    public void Log(string level, string message, params object[] args) => Write(ParseLevel(level), message, null, args);

    public void Log(string level, Exception exception, string message, params object[] args) => Write(ParseLevel(level), message, exception, args);

    private void Write(LogLevel level, string message, Exception? exception, object[]? args)
    {
        if (level < this.sink.MinimumLevel)
        {
            return;
        }

        var properties = new List<KeyValuePair<string, string>>();
        message = MessageTemplate.Apply(message, args, properties);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", this.sink.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(level));
            json.WriteString("message", message);
            foreach (var (name, value) in this.fields.Concat(properties))
            {
                json.WriteString(name, value);
            }

            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().Name);
                json.WriteString("errorMessage", exception.Message);
                json.WriteStartArray("stackTrace");
                foreach (var frame in LambdaError.FramesOf(exception))
                {
                    json.WriteStringValue(frame);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        this.sink.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private sealed class Sink(TextWriter output, TimeProvider time, LogLevel minimumLevel)
    {
        private readonly Lock gate = new();

        public TimeProvider Time { get; } = time;

        public LogLevel MinimumLevel { get; } = minimumLevel;

        public void WriteLine(string line)
        {
            lock (gate)
            {
                output.WriteLine(line);
                output.Flush();
            }
        }
    }
}
