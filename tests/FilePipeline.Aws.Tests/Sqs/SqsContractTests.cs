using FilePipeline.Testing.Emulators;
using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Aws.Sqs;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core.Ports;
using FilePipeline.Testing.Contracts;

namespace FilePipeline.Aws.Tests.Sqs;

/// <summary>The job queue contract on fauxqs, which refuses characters beyond U+FFFF (SQS takes them), so that test runs on the embedded queue only.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SqsJobQueueContractTests(AwsEmulators emulators) : JobQueueContract, IAsyncLifetime
{
    private string queueUrl = "";

    protected override IJobQueue Queue => new SqsJobQueue(emulators.Sqs, queueUrl);

    /// <summary>SQS's limit since August 2025, which fauxqs enforces.</summary>
    protected override int MaxBatchBytes => 1024 * 1024;

    public async Task InitializeAsync() => queueUrl = (await emulators.Sqs.CreateQueueAsync("jobs-" + Guid.NewGuid().ToString("N")[..12])).QueueUrl;

    public Task DisposeAsync() => Task.CompletedTask;

    protected override Task<IReadOnlyList<string>> BodiesInQueueAsync() => SqsQueueContents.DrainAsync(emulators.Sqs, queueUrl);
}

/// <summary>
/// The dead-letter contract on fauxqs. SQS lists a dead-letter queue by receiving it, and fauxqs also
/// counts the receive that moved a message, so the exact receive-count tests run on the embedded queue only.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SqsDeadLetterQueueContractTests(AwsEmulators emulators) : DeadLetterQueueContract, IAsyncLifetime
{
    private string sourceQueueUrl = "";
    private string deadLetterQueueUrl = "";

    protected override IDeadLetterQueue DeadLetters => new SqsDeadLetterQueue(emulators.Sqs, deadLetterQueueUrl, sourceQueueUrl);

    protected override int MaxReceiveCount => 3;

    public async Task InitializeAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        deadLetterQueueUrl = (await emulators.Sqs.CreateQueueAsync("jobs-dlq-" + suffix)).QueueUrl;
        var deadLetterQueueArn = (await emulators.Sqs.GetQueueAttributesAsync(deadLetterQueueUrl, ["QueueArn"])).QueueARN;
        sourceQueueUrl = (await emulators.Sqs.CreateQueueAsync(new CreateQueueRequest("jobs-" + suffix)
        {
            Attributes = new() { ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{deadLetterQueueArn}}","maxReceiveCount":"{{MaxReceiveCount}}"}""" },
        })).QueueUrl;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_parked_message_counts_its_deliveries_and_at_most_the_receive_that_moved_it()
    {
        await ParkAsync("poison");

        // SQS counts the receive that finds a message over the limit (fauxqs says maxReceiveCount + 1).
        Assert.InRange(Assert.Single(await DeadLetters.ListAsync(CancellationToken.None)).ReceiveCount, MaxReceiveCount, MaxReceiveCount + 1);
    }

    protected override async Task<string> ParkAsync(string body)
    {
        var sent = await emulators.Sqs.SendMessageAsync(sourceQueueUrl, body);
        // maxReceiveCount receives deliver it; the next one finds it over the limit and moves it to the dead-letter queue.
        for (var receive = 1; receive <= MaxReceiveCount; receive++)
        {
            var delivered = await emulators.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(sourceQueueUrl) { MaxNumberOfMessages = 10, VisibilityTimeout = 0 });
            Assert.Equal(body, Assert.Single(delivered.Messages).Body);
        }

        var moved = await emulators.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest(sourceQueueUrl) { MaxNumberOfMessages = 10, VisibilityTimeout = 0 });
        Assert.Null(moved.Messages);
        return sent.MessageId;
    }

    protected override Task<IReadOnlyList<string>> BodiesInSourceQueueAsync() => SqsQueueContents.DrainAsync(emulators.Sqs, sourceQueueUrl);
}

/// <summary>Test setup: reads what a queue holds by receiving it empty.</summary>
internal static class SqsQueueContents
{
    /// <summary>Every body in the queue; received messages stay hidden for a minute, so each is seen once.</summary>
    public static async Task<IReadOnlyList<string>> DrainAsync(IAmazonSQS sqs, string queueUrl)
    {
        var bodies = new List<string>();
        while (true)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10, VisibilityTimeout = 60, WaitTimeSeconds = 0 });
            if (response.Messages is not { Count: > 0 })
            {
                return bodies;
            }

            bodies.AddRange(response.Messages.Select(m => m.Body));
        }
    }
}
