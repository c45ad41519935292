using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

public sealed class LongPollingTests : IDisposable
{
    private const string Queue = "jobs";

    /// <summary>A real-time guard so a broken long poll fails the test instead of hanging it; correct code finishes far sooner.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private readonly EmbeddedTestBed bed = new();
    private readonly EmbeddedQueues queues;

    public LongPollingTests() => queues = bed.WithQueueAsync(Queue).GetAwaiter().GetResult();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_long_poll_returns_as_soon_as_a_message_is_sent_without_the_clock_moving()
    {
        var polling = LongPoll(20);
        Assert.False(polling.IsCompleted);

        await queues.SendAsync(Queue, "arrived");

        var received = await polling.WaitAsync(Guard);
        Assert.Equal("arrived", Assert.Single(received).Body);
        Assert.Equal(EmbeddedTestBed.Start, bed.Time.GetUtcNow());
    }

    [Fact]
    public async Task A_long_poll_on_an_empty_queue_returns_nothing_when_its_wait_ends()
    {
        var polling = LongPoll(20);

        bed.Time.Advance(TimeSpan.FromSeconds(19));
        Assert.False(polling.IsCompleted);
        bed.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(await polling.WaitAsync(Guard));
    }

    [Fact]
    public async Task The_queues_ReceiveMessageWaitTimeSeconds_applies_when_the_receive_does_not_say()
    {
        await bed.WithQueueAsync("patient", new QueueAttributes { ReceiveMessageWaitTimeSeconds = 5 });
        var polling = queues.ReceiveMessageAsync(new ReceiveMessageRequest("patient"), CancellationToken.None);

        Assert.False(polling.IsCompleted);
        bed.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(await polling.WaitAsync(Guard));
    }

    [Fact]
    public async Task A_short_poll_returns_at_once_from_an_empty_queue()
    {
        var polling = LongPoll(0);

        Assert.True(polling.IsCompleted);
        Assert.Empty(await polling);
    }

    [Fact]
    public async Task A_message_whose_visibility_timeout_ends_during_a_long_poll_is_returned()
    {
        await queues.SendAsync(Queue, "retry");
        await queues.ReceiveAsync(Queue, visibilityTimeout: 10);
        var polling = LongPoll(20);

        bed.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(2, Assert.Single(await polling.WaitAsync(Guard)).ApproximateReceiveCount);
    }

    [Fact]
    public async Task A_long_poll_sees_a_message_sent_by_another_process_at_its_next_poll_of_the_database()
    {
        var otherProcess = bed.Reopen();
        var polling = LongPoll(20);

        await otherProcess.Queues.SendAsync(Queue, "from elsewhere");
        bed.Time.Advance(EmbeddedQueues.PollInterval);

        Assert.Equal("from elsewhere", Assert.Single(await polling.WaitAsync(Guard)).Body);
    }

    [Fact]
    public async Task A_wait_over_20_seconds_is_refused()
    {
        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => LongPoll(21)));
    }

    [Fact]
    public async Task Cancelling_a_long_poll_stops_it()
    {
        using var cancellation = new CancellationTokenSource();
        var polling = queues.ReceiveMessageAsync(new ReceiveMessageRequest(Queue) { WaitTimeSeconds = 20 }, cancellation.Token);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling.WaitAsync(Guard));
    }

    private Task<IReadOnlyList<ReceivedMessage>> LongPoll(int seconds) =>
        queues.ReceiveMessageAsync(new ReceiveMessageRequest(Queue) { WaitTimeSeconds = seconds, MaxNumberOfMessages = 10 }, CancellationToken.None);
}
