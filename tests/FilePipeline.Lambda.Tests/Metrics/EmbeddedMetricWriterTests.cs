using System.Text.Json.Nodes;
using FilePipeline.Lambda.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Lambda.Tests.Metrics;

public sealed class EmbeddedMetricWriterTests
{
    [Fact]
    public void A_line_declares_its_metrics_under_aws_and_carries_their_values_at_the_root()
    {
        using var output = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        new EmbeddedMetricWriter(output, time, "InspectFile").Write([new Metric("RowsCounted", 42), new Metric("InspectDuration", 12.5, MetricUnit.Milliseconds)], "req-1");

        var expected = JsonNode.Parse("""
            {"_aws":{"Timestamp":1795867200000,"CloudWatchMetrics":[{"Namespace":"FilePipeline","Dimensions":[["FunctionName"]],
              "Metrics":[{"Name":"RowsCounted","Unit":"Count"},{"Name":"InspectDuration","Unit":"Milliseconds"}]}]},
             "FunctionName":"InspectFile","requestId":"req-1","RowsCounted":42,"InspectDuration":12.5}
            """);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(Assert.Single(lines))), lines[0]);
    }

    [Fact]
    public void Nothing_is_written_for_no_metrics()
    {
        using var output = new StringWriter();

        new EmbeddedMetricWriter(output, TimeProvider.System, "f").Write([]);

        Assert.Empty(output.ToString());
    }
}
