using System.Buffers;
using System.Text;
using System.Text.Json;

namespace FilePipeline.Lambda.Metrics;

/// <summary>
/// Writes CloudWatch Embedded Metric Format lines to the function's log: CloudWatch turns each
/// into metric data points with no API call and no extra latency (dimension: FunctionName).
/// </summary>
public sealed class EmbeddedMetricWriter(TextWriter output, TimeProvider time, string functionName, string metricNamespace = EmbeddedMetricWriter.DefaultNamespace)
{
    public const string DefaultNamespace = "FilePipeline";

    private readonly Lock gate = new();

    public void Write(IReadOnlyList<Metric> metrics, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        if (metrics.Count == 0)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", time.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", metricNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("FunctionName");
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("FunctionName", functionName);
            if (requestId is not null)
            {
                json.WriteString("requestId", requestId);
            }

            foreach (var metric in metrics)
            {
                json.WriteNumber(metric.Name, metric.Value);
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}

/// <summary>One value of one metric.</summary>
public readonly record struct Metric(string Name, double Value, MetricUnit Unit = MetricUnit.Count);

/// <summary>The CloudWatch units the pipeline reports in (the names are CloudWatch's).</summary>
public enum MetricUnit
{
    Count,
    Milliseconds,
}
