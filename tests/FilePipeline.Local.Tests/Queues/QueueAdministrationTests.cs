using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

public sealed class QueueAdministrationTests : IDisposable
{
    private readonly EmbeddedTestBed bed = new();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task Creating_a_queue_again_with_the_same_attributes_is_a_no_op_and_with_others_is_refused()
    {
        var attributes = new QueueAttributes { VisibilityTimeout = 180 };
        await bed.Queues.CreateQueueAsync("jobs", attributes, CancellationToken.None);
        await bed.Queues.SendAsync("jobs", "kept");

        await bed.Queues.CreateQueueAsync("jobs", attributes, CancellationToken.None);

        Assert.Single(await bed.Queues.ListMessagesAsync("jobs", CancellationToken.None));
        Assert.Equal(QueueErrorCodes.QueueNameExists, await QueueTestBed.ErrorCodeOfAsync(() => bed.Queues.CreateQueueAsync("jobs", new QueueAttributes(), CancellationToken.None)));
    }

    [Fact]
    public async Task A_redrive_policy_must_name_an_existing_queue()
    {
        var attributes = new QueueAttributes { RedrivePolicy = new RedrivePolicy("no-such-dlq", 3) };

        Assert.Equal(QueueErrorCodes.QueueDoesNotExist, await QueueTestBed.ErrorCodeOfAsync(() => bed.Queues.CreateQueueAsync("jobs", attributes, CancellationToken.None)));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("dots.not.allowed")]
    public async Task Queue_names_follow_SQS_rules(string name)
    {
        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => bed.Queues.CreateQueueAsync(name, new QueueAttributes(), CancellationToken.None)));
    }

    [Fact]
    public async Task Attributes_outside_SQS_ranges_are_refused()
    {
        Task Create(QueueAttributes attributes) => bed.Queues.CreateQueueAsync("jobs", attributes, CancellationToken.None);

        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => Create(new QueueAttributes { VisibilityTimeout = 43_201 })));
        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => Create(new QueueAttributes { MessageRetentionPeriod = 59 })));
        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => Create(new QueueAttributes { ReceiveMessageWaitTimeSeconds = 21 })));
        Assert.Equal(QueueErrorCodes.InvalidParameterValue, await QueueTestBed.ErrorCodeOfAsync(() => Create(new QueueAttributes { RedrivePolicy = new RedrivePolicy("x", 0) })));
    }

    [Fact]
    public async Task New_attributes_apply_to_later_receives()
    {
        await bed.Queues.CreateQueueAsync("jobs", new QueueAttributes(), CancellationToken.None);
        await bed.Queues.SetQueueAttributesAsync("jobs", new QueueAttributes { VisibilityTimeout = 5 }, CancellationToken.None);
        await bed.Queues.SendAsync("jobs", "m");
        await bed.Queues.ReceiveAsync("jobs");

        bed.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.Single(await bed.Queues.ReceiveAsync("jobs"));
        Assert.Equal(5, (await bed.Queues.GetQueueAttributesAsync("jobs", CancellationToken.None)).VisibilityTimeout);
    }
}
