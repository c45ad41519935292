using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace FilePipeline.Serve.Tests;

/// <summary>AWSSDK.SQS 4 (JSON protocol) against serve's queues: the pipeline is not polling, so messages stay where the tests put them.</summary>
public sealed class SdkSqsTests : IAsyncLifetime
{
    private ServeFixture serve = null!;
    private AmazonSQSClient sqs = null!;

    public async Task InitializeAsync()
    {
        serve = await ServeFixture.StartAsync(runPipeline: false);
        sqs = serve.Sqs();
    }

    public async Task DisposeAsync()
    {
        sqs.Dispose();
        await serve.DisposeAsync();
    }

    [Fact]
    public async Task Send_receive_change_visibility_and_delete_follow_SQS()
    {
        var url = (await sqs.GetQueueUrlAsync(serve.Pipeline.Template.WorkQueue.Name)).QueueUrl;
        var sent = await sqs.SendMessageAsync(url, "{\"hello\":1}");
        var batch = await sqs.SendMessageBatchAsync(url, [new SendMessageBatchRequestEntry("a", "one"), new SendMessageBatchRequestEntry("b", "two")]);
        Assert.Equal(2, batch.Successful.Count);

        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, MessageSystemAttributeNames = ["All"] });
        Assert.Equal(3, received.Messages.Count);
        var first = received.Messages.Single(m => m.MessageId == sent.MessageId);
        Assert.Equal("1", first.Attributes["ApproximateReceiveCount"]);

        await sqs.ChangeMessageVisibilityAsync(url, first.ReceiptHandle, 0);
        var again = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10 });
        var back = Assert.Single(again.Messages);
        Assert.Equal(sent.MessageId, back.MessageId);

        await sqs.DeleteMessageAsync(url, back.ReceiptHandle);
        var deleted = await sqs.DeleteMessageBatchAsync(url, [.. received.Messages.Where(m => m != first).Select((m, i) => new DeleteMessageBatchRequestEntry("d" + i, m.ReceiptHandle))]);
        Assert.Equal(2, deleted.Successful.Count);

        var attributes = await sqs.GetQueueAttributesAsync(url, ["All"]);
        Assert.Equal(0, attributes.ApproximateNumberOfMessages);
        Assert.Contains(serve.Pipeline.Template.DeadLetterQueue.Name, attributes.Attributes["RedrivePolicy"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListQueues_names_the_template_queues_and_a_missing_queue_is_QueueDoesNotExist()
    {
        var queues = await sqs.ListQueuesAsync(new ListQueuesRequest());
        Assert.Contains(queues.QueueUrls, url => url.EndsWith("/" + serve.Pipeline.Template.WorkQueue.Name, StringComparison.Ordinal));
        Assert.Contains(queues.QueueUrls, url => url.EndsWith("/" + serve.Pipeline.Template.DeadLetterQueue.Name, StringComparison.Ordinal));
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => sqs.GetQueueUrlAsync("no-such-queue"));
    }

    [Fact]
    public async Task StartMessageMoveTask_redrives_the_dead_letter_queue_and_PurgeQueue_empties_a_queue()
    {
        var dlq = (await sqs.GetQueueUrlAsync(serve.Pipeline.Template.DeadLetterQueue.Name)).QueueUrl;
        var work = (await sqs.GetQueueUrlAsync(serve.Pipeline.Template.WorkQueue.Name)).QueueUrl;
        await sqs.SendMessageAsync(dlq, "parked");
        var identity = serve.Pipeline.Template.Identity;
        var task = await sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest
        {
            SourceArn = identity.QueueArn(serve.Pipeline.Template.DeadLetterQueue.Name),
            DestinationArn = identity.QueueArn(serve.Pipeline.Template.WorkQueue.Name),
        });
        Assert.False(string.IsNullOrEmpty(task.TaskHandle));
        var moved = await sqs.ReceiveMessageAsync(work);
        Assert.Equal("parked", Assert.Single(moved.Messages).Body);

        await sqs.SendMessageAsync(dlq, "to purge");
        await sqs.PurgeQueueAsync(dlq);
        Assert.Empty((await sqs.ReceiveMessageAsync(dlq)).Messages ?? []);
    }

    [Fact]
    public async Task A_wrong_secret_is_refused()
    {
        using var wrong = serve.Sqs(new BasicAWSCredentials(ServeOptions.DefaultAccessKeyId, "wrong"));
        var error = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => wrong.ListQueuesAsync(new ListQueuesRequest()));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
    }
}
