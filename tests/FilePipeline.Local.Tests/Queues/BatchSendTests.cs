using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

public sealed class BatchSendTests : IDisposable
{
    private const string Queue = "jobs";
    private readonly EmbeddedTestBed bed = new();
    private readonly EmbeddedQueues queues;

    public BatchSendTests() => queues = bed.WithQueueAsync(Queue).GetAwaiter().GetResult();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Each_stored_entry_is_reported_with_its_message_id_and_the_MD5_of_its_body()
    {
        var result = await queues.SendMessageBatchAsync(Queue, [new OutgoingMessage("a", "{\"a\":1}"), new OutgoingMessage("b", "two")], CancellationToken.None);

        Assert.Empty(result.Failed);
        Assert.Equal(["a", "b"], result.Successful.Select(s => s.Id));
        Assert.Equal("bb6cb5c68df4652941caf652a366f2d8", result.Successful[0].MD5OfMessageBody);
        var stored = await queues.ListMessagesAsync(Queue, CancellationToken.None);
        Assert.Equal(result.Successful.Select(s => s.MessageId), stored.Select(m => m.MessageId));
    }

    [Fact]
    public async Task An_injected_fault_fails_only_its_entry_and_the_job_queue_reports_it_as_retryable()
    {
        queues.SendEntryFault = (_, entry) => entry.Id == "unlucky"
            ? new SendFailure(entry.Id, "InternalError", "injected", SenderFault: false)
            : null;
        var jobQueue = new EmbeddedJobQueue(queues, Queue);

        var failures = await jobQueue.SendBatchAsync([new OutgoingMessage("lucky", "1"), new OutgoingMessage("unlucky", "2")], CancellationToken.None);

        var failure = Assert.Single(failures);
        Assert.Equal("unlucky", failure.Id);
        Assert.False(failure.SenderFault);
        Assert.Equal(["1"], (await queues.ListMessagesAsync(Queue, CancellationToken.None)).Select(m => m.Body));
    }

    [Fact]
    public async Task Request_level_mistakes_are_refused_with_SQS_error_codes()
    {
        Task Send(params OutgoingMessage[] entries) => queues.SendMessageBatchAsync(Queue, entries, CancellationToken.None);
        var eleven = Enumerable.Range(0, 11).Select(i => new OutgoingMessage($"m{i}", "x")).ToArray();
        var big = new string('x', 100 * 1024);

        Assert.Equal(QueueErrorCodes.EmptyBatchRequest, await QueueTestBed.ErrorCodeOfAsync(() => Send()));
        Assert.Equal(QueueErrorCodes.TooManyEntriesInBatchRequest, await QueueTestBed.ErrorCodeOfAsync(() => Send(eleven)));
        Assert.Equal(QueueErrorCodes.BatchEntryIdsNotDistinct, await QueueTestBed.ErrorCodeOfAsync(() => Send(new("x", "1"), new("x", "2"))));
        Assert.Equal(QueueErrorCodes.InvalidBatchEntryId, await QueueTestBed.ErrorCodeOfAsync(() => Send(new OutgoingMessage("not ok!", "1"))));
        Assert.Equal(QueueErrorCodes.BatchRequestTooLong, await QueueTestBed.ErrorCodeOfAsync(() => Send(new("a", big), new("b", big), new("c", big))));
        Assert.Empty(await queues.ListMessagesAsync(Queue, CancellationToken.None));
    }

    [Fact]
    public async Task A_single_message_may_be_256_KiB_but_not_a_byte_more()
    {
        await queues.SendAsync(Queue, new string('x', 262_144));

        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => queues.SendAsync(Queue, new string('x', 262_145))));
    }

    [Fact]
    public async Task A_batch_to_a_missing_queue_fails_as_NonExistentQueue_even_through_the_job_queue()
    {
        var jobQueue = new EmbeddedJobQueue(queues, "missing");

        Assert.Equal(QueueErrorCodes.QueueDoesNotExist, await QueueTestBed.ErrorCodeOfAsync(() => jobQueue.SendBatchAsync([new OutgoingMessage("a", "1")], CancellationToken.None)));
    }
}
