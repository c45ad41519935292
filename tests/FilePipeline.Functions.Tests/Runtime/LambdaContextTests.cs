using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Tests.Fakes;

namespace FilePipeline.Functions.Tests.Runtime;

public class LambdaContextTests
{
    [Fact]
    public void Remaining_time_counts_down_to_the_deadline_and_never_below_zero()
    {
        var invocation = new TestInvocation(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(30), invocation.Context.RemainingTime);
        invocation.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(10), invocation.Context.RemainingTime);
        invocation.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.Zero, invocation.Context.RemainingTime);
    }

    [Fact]
    public void The_contexts_logger_carries_the_request_id()
    {
        var invocation = new TestInvocation();

        invocation.Context.Logger.LogInformation("x");

        Assert.Equal("req-1", (string?)Assert.Single(invocation.LogLines)["requestId"]);
    }

    [Fact]
    public void The_contexts_logger_carries_the_trace_id_when_there_is_one()
    {
        var invocation = new TestInvocation();
        var traced = new LambdaContext("req-2", "F", "arn:f", invocation.Time.GetUtcNow().AddSeconds(5), new JsonLambdaLogger(invocation.Output, invocation.Time), invocation.Time, "Root=1-5759e988-bd862e3fe1be46a994272793");

        traced.Logger.LogInformation("x");

        var line = Assert.Single(invocation.LogLines);
        Assert.Equal("req-2", (string?)line["requestId"]);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793", (string?)line["traceId"]);
    }

    [Fact]
    public void The_deadline_token_fires_the_margin_before_the_deadline()
    {
        var invocation = new TestInvocation(TimeSpan.FromSeconds(10));
        using var source = InvocationDeadline.CreateTokenSource(invocation.Context, TimeSpan.FromSeconds(2), invocation.Time);

        invocation.Time.Advance(TimeSpan.FromSeconds(7.9));
        Assert.False(source.IsCancellationRequested);
        invocation.Time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void The_deadline_token_is_cancelled_at_once_when_less_than_the_margin_is_left()
    {
        var invocation = new TestInvocation(TimeSpan.FromSeconds(1));

        using var source = InvocationDeadline.CreateTokenSource(invocation.Context, TimeSpan.FromSeconds(2), invocation.Time);

        Assert.True(source.IsCancellationRequested);
    }
}
