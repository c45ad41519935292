using System.Text.Json.Nodes;
using FilePipeline.Functions.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Functions.Tests.Runtime;

/// <summary>The hosts' context: its remaining time follows the clock, and its logger is scoped to the invocation.</summary>
public sealed class LambdaContextTests : IDisposable
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly StringWriter output = new();

    public void Dispose() => output.Dispose();

    [Fact]
    public void Remaining_time_counts_down_to_the_deadline_and_never_below_zero()
    {
        var context = Context(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), context.RemainingTime);
        this.time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(10), context.RemainingTime);
        this.time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Fact]
    public void The_contexts_logger_carries_the_request_id_and_no_trace_id_without_one()
    {
        ILambdaContext context = Context(TimeSpan.FromSeconds(5));

        context.Logger.LogInformation("x");

        var line = SingleLine();
        Assert.Equal("req-1", (string?)line["requestId"]);
        Assert.False(line.ContainsKey("traceId"));
        Assert.Equal("", context.TraceId);
    }

    [Fact]
    public void The_contexts_logger_carries_the_trace_id_when_there_is_one()
    {
        var context = Context(TimeSpan.FromSeconds(5), "Root=1-5759e988-bd862e3fe1be46a994272793");

        context.Logger.LogInformation("x");

        var line = SingleLine();
        Assert.Equal("req-1", (string?)line["requestId"]);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793", (string?)line["traceId"]);
    }

    [Fact]
    public void The_deadline_token_fires_the_margin_before_the_deadline()
    {
        using var source = InvocationDeadline.CreateTokenSource(Context(TimeSpan.FromSeconds(10)), TimeSpan.FromSeconds(2), this.time);

        this.time.Advance(TimeSpan.FromSeconds(7.9));
        Assert.False(source.IsCancellationRequested);
        this.time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void The_deadline_token_is_cancelled_at_once_when_less_than_the_margin_is_left()
    {
        using var source = InvocationDeadline.CreateTokenSource(Context(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(2), this.time);

        Assert.True(source.IsCancellationRequested);
    }

    private LambdaContext Context(TimeSpan timeout, string? traceId = null) =>
        new("req-1", "F", "arn:f", this.time.GetUtcNow() + timeout, new JsonLambdaLogger(output, this.time), this.time, traceId);

    private JsonObject SingleLine() => JsonNode.Parse(Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!.AsObject();
}
