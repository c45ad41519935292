using System.Collections.Concurrent;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

public sealed class QueueDurabilityTests : IDisposable
{
    private const string Queue = "jobs";
    private readonly EmbeddedTestBed bed = new();

    public QueueDurabilityTests() => bed.WithQueueAsync(Queue).GetAwaiter().GetResult();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Messages_and_queues_survive_reopening_the_state_directory()
    {
        await bed.Queues.SendAsync(Queue, "one");
        await bed.Queues.SendAsync(Queue, "two");

        var restarted = bed.Reopen();

        Assert.Equal(["one", "two"], (await restarted.Queues.ReceiveAsync(Queue)).Select(m => m.Body));
    }

    [Fact]
    public async Task A_message_in_flight_when_the_process_died_comes_back_after_its_visibility_timeout()
    {
        await bed.Queues.SendAsync(Queue, "in flight");
        var lost = Assert.Single(await bed.Queues.ReceiveAsync(Queue));

        var restarted = bed.Reopen();
        Assert.Empty(await restarted.Queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromSeconds(30));

        var again = Assert.Single(await restarted.Queues.ReceiveAsync(Queue));
        Assert.Equal(lost.MessageId, again.MessageId);
        Assert.Equal(2, again.ApproximateReceiveCount);
    }

    [Fact]
    public async Task Receivers_on_two_connections_racing_never_get_the_same_message_while_it_is_invisible()
    {
        const int messageCount = 300;
        for (var batch = 0; batch < messageCount / 10; batch++)
        {
            await bed.Queues.SendMessageBatchAsync(Queue, [.. Enumerable.Range(0, 10).Select(i => new Core.Ports.OutgoingMessage($"m{i}", $"{batch}-{i}"))], CancellationToken.None);
        }

        var otherProcess = bed.Reopen();
        var deliveries = new ConcurrentBag<string>();
        async Task DrainAsync(EmbeddedQueues queues)
        {
            IReadOnlyList<ReceivedMessage> received;
            do
            {
                received = await queues.ReceiveAsync(Queue, max: 3);
                foreach (var message in received)
                {
                    deliveries.Add(message.MessageId);
                }
            }
            while (received.Count > 0);
        }

        await Task.WhenAll(
            Task.Run(() => DrainAsync(bed.Queues)),
            Task.Run(() => DrainAsync(bed.Queues)),
            Task.Run(() => DrainAsync(otherProcess.Queues)),
            Task.Run(() => DrainAsync(otherProcess.Queues)));

        Assert.Equal(messageCount, deliveries.Count);
        Assert.Equal(messageCount, deliveries.Distinct().Count());
    }
}
