using Amazon.SQS.Model;
using FilePipeline.Aws.Sqs;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Tests.Sqs;

[Collection(EmulatorCollection.Name)]
public sealed class SqsAdapterTests(FauxqsFixture fauxqs)
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_batch_send_delivers_every_entry_and_reports_no_failures()
    {
        var queueUrl = (await fauxqs.Sqs.CreateQueueAsync("jobs-" + suffix)).QueueUrl;

        var failures = await new SqsJobQueue(fauxqs.Sqs, queueUrl).SendBatchAsync([new("a", """{"key":"a.csv"}"""), new("b", """{"key":"b.csv"}""")], CancellationToken.None);

        Assert.Empty(failures);
        var received = await fauxqs.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10 });
        Assert.Equal(["""{"key":"a.csv"}""", """{"key":"b.csv"}"""], received.Messages.Select(m => m.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_entry_sqs_refuses_is_reported_by_id_while_the_others_are_sent()
    {
        var queueUrl = (await fauxqs.Sqs.CreateQueueAsync("jobs-" + suffix)).QueueUrl;

        // U+0001 is outside the characters SQS allows in a message body.
        var failures = await new SqsJobQueue(fauxqs.Sqs, queueUrl).SendBatchAsync([new("good", "ok"), new("bad", "not\u0001ok")], CancellationToken.None);

        var failure = Assert.Single(failures);
        Assert.Equal("bad", failure.Id);
        Assert.True(failure.SenderFault);
        var received = await fauxqs.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10 });
        Assert.Equal("ok", Assert.Single(received.Messages).Body);
    }

    [Fact]
    public async Task A_message_received_three_times_lands_in_the_dlq_and_is_listed_redriven_and_purged()
    {
        var (queueUrl, dlqUrl) = await CreateQueueWithDlqAsync();
        await fauxqs.Sqs.SendMessageAsync(queueUrl, "poison");
        await fauxqs.Sqs.SendMessageAsync(queueUrl, "other");
        await ReceiveUntilBothAreDeadLetteredAsync(queueUrl);
        var dlq = new SqsDeadLetterQueue(fauxqs.Sqs, dlqUrl, queueUrl);

        var listed = await dlq.ListAsync(CancellationToken.None);

        Assert.Equal(["other", "poison"], listed.Select(l => l.Body).Order(StringComparer.Ordinal));
        // SQS counts the receive that finds a message over the limit (fauxqs says 4 here); at least the three deliveries show.
        Assert.All(listed, l => Assert.InRange(l.ReceiveCount, 3, 4));
        var poison = listed.Single(l => l.Body == "poison");
        Assert.Equal(1, await dlq.RedriveAsync(poison.MessageId, CancellationToken.None));
        var back = await fauxqs.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10 });
        Assert.Equal("poison", Assert.Single(back.Messages).Body);
        Assert.Equal("other", Assert.Single(await dlq.ListAsync(CancellationToken.None)).Body);
        Assert.Equal(1, await dlq.PurgeAsync(CancellationToken.None));
        Assert.Empty(await dlq.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Redriving_everything_moves_every_dead_letter_back()
    {
        var (queueUrl, dlqUrl) = await CreateQueueWithDlqAsync();
        await fauxqs.Sqs.SendMessageAsync(queueUrl, "one");
        await fauxqs.Sqs.SendMessageAsync(queueUrl, "two");
        await ReceiveUntilBothAreDeadLetteredAsync(queueUrl);

        var moved = await new SqsDeadLetterQueue(fauxqs.Sqs, dlqUrl, queueUrl).RedriveAsync(null, CancellationToken.None);

        Assert.Equal(2, moved);
        var back = await fauxqs.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10 });
        Assert.Equal(["one", "two"], back.Messages.Select(m => m.Body).Order(StringComparer.Ordinal));
    }

    private async Task<(string QueueUrl, string DlqUrl)> CreateQueueWithDlqAsync()
    {
        var dlqUrl = (await fauxqs.Sqs.CreateQueueAsync("jobs-dlq-" + suffix)).QueueUrl;
        var dlqArn = (await fauxqs.Sqs.GetQueueAttributesAsync(dlqUrl, ["QueueArn"])).QueueARN;
        var queueUrl = (await fauxqs.Sqs.CreateQueueAsync(new CreateQueueRequest("jobs-" + suffix)
        {
            Attributes = new() { ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{dlqArn}}","maxReceiveCount":"3"}""" },
        })).QueueUrl;
        return (queueUrl, dlqUrl);
    }

    // Three receives with no visibility timeout; the fourth finds the messages moved to the DLQ.
    private async Task ReceiveUntilBothAreDeadLetteredAsync(string queueUrl)
    {
        for (var receive = 1; receive <= 3; receive++)
        {
            var response = await fauxqs.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10, VisibilityTimeout = 0 });
            Assert.Equal(2, response.Messages.Count);
        }

        var fourth = await fauxqs.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10, VisibilityTimeout = 0 });
        Assert.Null(fourth.Messages);
    }
}
