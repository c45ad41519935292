using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

public sealed class RedriveTests : IDisposable
{
    private const string Source = "jobs";
    private const string DeadLetters = "jobs-dlq";
    private const int MaxReceiveCount = 3;
    private readonly EmbeddedTestBed bed = new();
    private readonly EmbeddedQueues queues;

    public RedriveTests()
    {
        bed.WithQueueAsync(DeadLetters).GetAwaiter().GetResult();
        queues = bed.WithQueueAsync(Source, new QueueAttributes { RedrivePolicy = new RedrivePolicy(DeadLetters, MaxReceiveCount) }).GetAwaiter().GetResult();
    }

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_message_is_delivered_exactly_maxReceiveCount_times_and_the_next_receive_moves_it_to_the_dead_letter_queue()
    {
        var sent = await queues.SendAsync(Source, "poison");
        var deliveries = new List<int>();
        for (var attempt = 0; attempt < MaxReceiveCount + 2; attempt++)
        {
            deliveries.AddRange((await queues.ReceiveAsync(Source)).Select(m => m.ApproximateReceiveCount));
            bed.Time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal([1, 2, 3], deliveries);
        Assert.Empty(await queues.ListMessagesAsync(Source, CancellationToken.None));
        var parked = Assert.Single(await queues.ListMessagesAsync(DeadLetters, CancellationToken.None));
        Assert.Equal(sent.MessageId, parked.MessageId);
        Assert.Equal("poison", parked.Body);
        Assert.Equal(MaxReceiveCount, parked.ReceiveCount);
        Assert.Equal(EmbeddedTestBed.Start, parked.SentAt);
    }

    [Fact]
    public async Task The_receive_that_moves_a_message_still_delivers_the_others()
    {
        await queues.SendAsync(Source, "poison");
        for (var i = 0; i < MaxReceiveCount; i++)
        {
            await queues.ReceiveAsync(Source, visibilityTimeout: 0);
        }

        await queues.SendAsync(Source, "healthy");

        Assert.Equal(["healthy"], (await queues.ReceiveAsync(Source)).Select(m => m.Body));
        Assert.Equal(["poison"], (await queues.ListMessagesAsync(DeadLetters, CancellationToken.None)).Select(m => m.Body));
    }

    [Fact]
    public async Task A_moved_message_keeps_its_original_sent_time_so_the_dead_letter_queues_retention_counts_from_the_first_send()
    {
        // SQS: "For standard queues, the expiration of a message is always based on its original enqueue timestamp."
        await queues.SetQueueAttributesAsync(DeadLetters, new QueueAttributes { MessageRetentionPeriod = 120 }, CancellationToken.None);
        await queues.SendAsync(Source, "poison");
        for (var i = 0; i < MaxReceiveCount; i++)
        {
            await queues.ReceiveAsync(Source);
            bed.Time.Advance(TimeSpan.FromSeconds(30));
        }

        await queues.ReceiveAsync(Source);
        Assert.Single(await queues.ListMessagesAsync(DeadLetters, CancellationToken.None));
        bed.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(await queues.ListMessagesAsync(DeadLetters, CancellationToken.None));
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await queues.ListMessagesAsync(DeadLetters, CancellationToken.None));
    }

    [Fact]
    public async Task A_redriven_message_is_a_new_message_with_a_new_id_a_new_sent_time_and_no_receives()
    {
        // SQS DLQ redrive: "All redriven messages are considered new messages and are assigned a new messageID and enqueueTime."
        var sent = await queues.SendAsync(Source, "retry me");
        for (var i = 0; i <= MaxReceiveCount; i++)
        {
            await queues.ReceiveAsync(Source, visibilityTimeout: 0);
        }

        bed.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(1, await queues.MoveMessagesAsync(DeadLetters, messageId: null, destinationQueue: null, CancellationToken.None));

        var back = Assert.Single(await queues.ListMessagesAsync(Source, CancellationToken.None));
        Assert.NotEqual(sent.MessageId, back.MessageId);
        Assert.Equal("retry me", back.Body);
        Assert.Equal(0, back.ReceiveCount);
        Assert.Equal(EmbeddedTestBed.Start.AddMinutes(10), back.SentAt);
        Assert.Equal(1, Assert.Single(await queues.ReceiveAsync(Source)).ApproximateReceiveCount);
        Assert.Empty(await queues.ListMessagesAsync(DeadLetters, CancellationToken.None));
    }

    [Fact]
    public async Task Redrive_can_target_another_queue()
    {
        await bed.WithQueueAsync("elsewhere");
        await queues.SendAsync(DeadLetters, "parked by hand");

        await queues.MoveMessagesAsync(DeadLetters, null, "elsewhere", CancellationToken.None);

        Assert.Equal(["parked by hand"], (await queues.ListMessagesAsync("elsewhere", CancellationToken.None)).Select(m => m.Body));
    }

    [Fact]
    public async Task A_message_sent_straight_to_the_dead_letter_queue_redrives_to_the_one_queue_that_uses_it()
    {
        await queues.SendAsync(DeadLetters, "parked by hand");

        await queues.MoveMessagesAsync(DeadLetters, null, null, CancellationToken.None);

        Assert.Equal(["parked by hand"], (await queues.ListMessagesAsync(Source, CancellationToken.None)).Select(m => m.Body));
    }

    [Fact]
    public async Task Purging_removes_messages_in_flight_too()
    {
        await queues.SendAsync(Source, "a");
        await queues.SendAsync(Source, "b");
        await queues.ReceiveAsync(Source, max: 1);

        Assert.Equal(2, await queues.PurgeQueueAsync(Source, CancellationToken.None));
        Assert.Equal(new QueueCounts(0, 0), await queues.GetQueueCountsAsync(Source, CancellationToken.None));
    }
}
