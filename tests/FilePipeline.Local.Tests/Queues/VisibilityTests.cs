using System.Globalization;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

public sealed class VisibilityTests : IDisposable
{
    private const string Queue = "jobs";
    private readonly EmbeddedTestBed bed = new();
    private readonly EmbeddedQueues queues;

    public VisibilityTests() => queues = bed.WithQueueAsync(Queue).GetAwaiter().GetResult();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_received_message_stays_hidden_until_its_visibility_timeout_ends_then_comes_back_with_a_new_receipt_handle()
    {
        await queues.SendAsync(Queue, "work");
        var first = Assert.Single(await queues.ReceiveAsync(Queue));

        Assert.Empty(await queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromMilliseconds(1));
        var second = Assert.Single(await queues.ReceiveAsync(Queue));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.Equal(1, first.ApproximateReceiveCount);
        Assert.Equal(2, second.ApproximateReceiveCount);
        Assert.Equal(first.Attributes[MessageAttributeNames.ApproximateFirstReceiveTimestamp], second.Attributes[MessageAttributeNames.ApproximateFirstReceiveTimestamp]);
    }

    [Fact]
    public async Task A_receive_carries_SQS_attributes_as_millisecond_strings_and_the_MD5_of_the_body()
    {
        await queues.SendAsync(Queue, "{\"a\":1}");
        bed.Time.Advance(TimeSpan.FromSeconds(5));

        var message = Assert.Single(await queues.ReceiveAsync(Queue));

        Assert.Equal(Ms(EmbeddedTestBed.Start), message.Attributes[MessageAttributeNames.SentTimestamp]);
        Assert.Equal(Ms(EmbeddedTestBed.Start.AddSeconds(5)), message.Attributes[MessageAttributeNames.ApproximateFirstReceiveTimestamp]);
        Assert.Equal("1", message.Attributes[MessageAttributeNames.ApproximateReceiveCount]);
        Assert.Equal("bb6cb5c68df4652941caf652a366f2d8", message.MD5OfBody);
        Assert.Equal("{\"a\":1}", message.Body);
    }

    [Fact]
    public async Task A_visibility_timeout_on_the_receive_overrides_the_queues()
    {
        await queues.SendAsync(Queue, "work");
        await queues.ReceiveAsync(Queue, visibilityTimeout: 5);

        bed.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Single(await queues.ReceiveAsync(Queue));
    }

    [Fact]
    public async Task A_receive_returns_at_most_MaxNumberOfMessages_oldest_first()
    {
        for (var i = 0; i < 5; i++)
        {
            await queues.SendAsync(Queue, $"m{i}");
        }

        var received = await queues.ReceiveAsync(Queue, max: 3);

        Assert.Equal(["m0", "m1", "m2"], received.Select(m => m.Body));
        Assert.Equal(["m3", "m4"], (await queues.ReceiveAsync(Queue, max: 10)).Select(m => m.Body));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task MaxNumberOfMessages_outside_1_to_10_is_refused_as_ReadCountOutOfRange(int max)
    {
        Assert.Equal(QueueErrorCodes.ReadCountOutOfRange, await QueueTestBed.ErrorCodeOfAsync(() => queues.ReceiveAsync(Queue, max)));
    }

    [Fact]
    public async Task A_zero_visibility_timeout_never_hands_one_message_out_twice_in_one_receive()
    {
        await queues.SendAsync(Queue, "only");

        Assert.Single(await queues.ReceiveAsync(Queue, max: 10, visibilityTimeout: 0));
        Assert.Single(await queues.ReceiveAsync(Queue, max: 10, visibilityTimeout: 0));
    }

    [Fact]
    public async Task Deleting_with_the_current_receipt_handle_removes_the_message_for_good()
    {
        await queues.SendAsync(Queue, "work");
        var message = Assert.Single(await queues.ReceiveAsync(Queue));

        await queues.DeleteMessageAsync(Queue, message.ReceiptHandle, CancellationToken.None);
        bed.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(await queues.ReceiveAsync(Queue));
        Assert.Empty(await queues.ListMessagesAsync(Queue, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_with_a_stale_receipt_handle_after_the_message_was_received_again_succeeds_but_does_not_delete()
    {
        // SQS DeleteMessage: "if you don't provide the most recently received receipt handle for the message,
        // the request will still succeed, but the message might not be deleted."
        await queues.SendAsync(Queue, "work");
        var stale = Assert.Single(await queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromSeconds(30));
        var current = Assert.Single(await queues.ReceiveAsync(Queue));

        await queues.DeleteMessageAsync(Queue, stale.ReceiptHandle, CancellationToken.None);

        var remaining = Assert.Single(await queues.ListMessagesAsync(Queue, CancellationToken.None));
        Assert.Equal(current.MessageId, remaining.MessageId);
        await queues.DeleteMessageAsync(Queue, current.ReceiptHandle, CancellationToken.None);
        Assert.Empty(await queues.ListMessagesAsync(Queue, CancellationToken.None));
    }

    [Fact]
    public async Task A_delete_batch_removes_every_message_it_names_and_no_other()
    {
        for (var i = 0; i < 4; i++)
        {
            await queues.SendAsync(Queue, $"m{i}");
        }

        var received = await queues.ReceiveAsync(Queue, max: 3);

        await queues.DeleteMessageBatchAsync(Queue, [.. received.Select(m => m.ReceiptHandle)], CancellationToken.None);

        Assert.Equal(["m3"], (await queues.ListMessagesAsync(Queue, CancellationToken.None)).Select(m => m.Body));
        Assert.Equal(QueueErrorCodes.EmptyBatchRequest, await QueueTestBed.ErrorCodeOfAsync(() => queues.DeleteMessageBatchAsync(Queue, [], CancellationToken.None)));
    }

    [Fact]
    public async Task Deleting_twice_with_the_same_handle_succeeds()
    {
        await queues.SendAsync(Queue, "work");
        var message = Assert.Single(await queues.ReceiveAsync(Queue));

        await queues.DeleteMessageAsync(Queue, message.ReceiptHandle, CancellationToken.None);
        await queues.DeleteMessageAsync(Queue, message.ReceiptHandle, CancellationToken.None);

        Assert.Empty(await queues.ListMessagesAsync(Queue, CancellationToken.None));
    }

    [Fact]
    public async Task A_malformed_receipt_handle_is_refused_as_ReceiptHandleIsInvalid()
    {
        Assert.Equal(QueueErrorCodes.ReceiptHandleIsInvalid, await QueueTestBed.ErrorCodeOfAsync(() => queues.DeleteMessageAsync(Queue, "not-a-handle", CancellationToken.None)));
        Assert.Equal(QueueErrorCodes.ReceiptHandleIsInvalid, await QueueTestBed.ErrorCodeOfAsync(() => queues.ChangeMessageVisibilityAsync(Queue, "not-a-handle", 0, CancellationToken.None)));
    }

    [Fact]
    public async Task Changing_visibility_to_zero_makes_the_message_receivable_at_once()
    {
        await queues.SendAsync(Queue, "work");
        var message = Assert.Single(await queues.ReceiveAsync(Queue));

        await queues.ChangeMessageVisibilityAsync(Queue, message.ReceiptHandle, 0, CancellationToken.None);

        Assert.Equal(2, Assert.Single(await queues.ReceiveAsync(Queue)).ApproximateReceiveCount);
    }

    [Fact]
    public async Task Extending_visibility_keeps_the_message_hidden_past_its_first_timeout()
    {
        await queues.SendAsync(Queue, "work");
        var message = Assert.Single(await queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromSeconds(20));

        await queues.ChangeMessageVisibilityAsync(Queue, message.ReceiptHandle, 60, CancellationToken.None);
        bed.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(await queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(await queues.ReceiveAsync(Queue));
    }

    [Fact]
    public async Task Changing_visibility_with_a_handle_from_an_earlier_receive_is_refused()
    {
        await queues.SendAsync(Queue, "work");
        var stale = Assert.Single(await queues.ReceiveAsync(Queue));
        bed.Time.Advance(TimeSpan.FromSeconds(30));
        await queues.ReceiveAsync(Queue);

        Assert.Equal(QueueErrorCodes.ReceiptHandleIsInvalid, await QueueTestBed.ErrorCodeOfAsync(() => queues.ChangeMessageVisibilityAsync(Queue, stale.ReceiptHandle, 0, CancellationToken.None)));
    }

    [Fact]
    public async Task Messages_older_than_the_retention_period_are_deleted()
    {
        await bed.WithQueueAsync("short-lived", new QueueAttributes { MessageRetentionPeriod = 60 });
        await queues.SendAsync("short-lived", "old");
        bed.Time.Advance(TimeSpan.FromSeconds(30));
        await queues.SendAsync("short-lived", "young");
        bed.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(["young"], (await queues.ListMessagesAsync("short-lived", CancellationToken.None)).Select(m => m.Body));
        Assert.Equal(["young"], (await queues.ReceiveAsync("short-lived")).Select(m => m.Body));
    }

    [Fact]
    public async Task Counts_separate_visible_messages_from_those_in_flight()
    {
        await queues.SendAsync(Queue, "a");
        await queues.SendAsync(Queue, "b");
        await queues.SendAsync(Queue, "c");
        await queues.ReceiveAsync(Queue, max: 1);

        Assert.Equal(new QueueCounts(Visible: 2, NotVisible: 1), await queues.GetQueueCountsAsync(Queue, CancellationToken.None));
    }

    [Fact]
    public async Task Using_a_queue_that_does_not_exist_is_refused_as_NonExistentQueue()
    {
        Assert.Equal(QueueErrorCodes.QueueDoesNotExist, await QueueTestBed.ErrorCodeOfAsync(() => queues.SendAsync("nope", "x")));
        Assert.Equal(QueueErrorCodes.QueueDoesNotExist, await QueueTestBed.ErrorCodeOfAsync(() => queues.ReceiveAsync("nope")));
    }

    private static string Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
