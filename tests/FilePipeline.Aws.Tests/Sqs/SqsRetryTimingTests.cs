using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Aws.Sqs;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Settings;
using FilePipeline.Functions.TestUtilities;
using FilePipeline.Testing.Emulators;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Aws.Tests.Sqs;

/// <summary>
/// The retry timing of a poison message on an SQS queue (fauxqs), as Lambda's SQS poller drives
/// ProcessQueue: each failed receive gets its backoff through ChangeMessageVisibility, and the
/// receive after maxReceiveCount failures moves the message to the DLQ. fauxqs's clock and ours
/// move together, one step at a time, so each backoff is checked to the second without waiting.
/// </summary>
public sealed class SqsRetryTimingTests(FauxqsClockFixture fauxqs) : IClassFixture<FauxqsClockFixture>, IAsyncLifetime, IDisposable
{
    private const int MaxReceiveCount = 3;

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private AmazonSQSClient sqs = null!;
    private string queueUrl = "";
    private string deadLetterQueueUrl = "";

    public async Task InitializeAsync()
    {
        sqs = new AmazonSQSClient(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig { ServiceURL = fauxqs.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var suffix = Guid.NewGuid().ToString("N")[..12];
        deadLetterQueueUrl = (await sqs.CreateQueueAsync("work-dlq-" + suffix)).QueueUrl;
        var deadLetterQueueArn = (await sqs.GetQueueAttributesAsync(deadLetterQueueUrl, ["QueueArn"])).QueueARN;
        queueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest("work-" + suffix)
        {
            // The template's: visibility 6 × ProcessQueue's timeout, so only the backoffs can bring the message back sooner.
            Attributes = new()
            {
                ["VisibilityTimeout"] = "2160",
                ["RedrivePolicy"] = $$"""{"deadLetterTargetArn":"{{deadLetterQueueArn}}","maxReceiveCount":"{{MaxReceiveCount}}"}""",
            },
        })).QueueUrl;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => sqs?.Dispose();

    [Fact]
    public async Task A_poison_message_is_received_maxReceiveCount_times_with_the_configured_backoffs_between_and_then_parked()
    {
        var settings = new FunctionSettings { RetryBackoff = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)], MaxReceiveCount = MaxReceiveCount };
        var function = new ProcessQueueFunction(new NoWorkflows(), new SqsMessageVisibility(sqs, queueUrl), new NoLedger(), settings, time);
        await sqs.SendMessageAsync(queueUrl, "not a file message");

        Assert.Equal("1", await ReceiveAndFailAsync(function));
        await AssertHiddenUntilAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("2", await ReceiveAndFailAsync(function));
        await AssertHiddenUntilAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("3", await ReceiveAndFailAsync(function));

        // The last backoff repeats; the receive after it finds the message over maxReceiveCount and moves it.
        await AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Empty(await ReceiveAsync());
        Assert.Equal(0, await DeadLetterCountAsync());
        await AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Empty(await ReceiveAsync());
        Assert.Equal(1, await DeadLetterCountAsync());
        Assert.Equal(70, (int)(time.GetUtcNow() - new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)).TotalSeconds);
    }

    /// <summary>A receive one second short of <paramref name="backoff"/> finds nothing; the clock then stands at it for the next receive.</summary>
    private async Task AssertHiddenUntilAsync(TimeSpan backoff)
    {
        await AdvanceAsync(backoff - TimeSpan.FromSeconds(1));
        Assert.Empty(await ReceiveAsync());
        await AdvanceAsync(TimeSpan.FromSeconds(1));
    }

    /// <summary>One poll as Lambda's: receive, invoke ProcessQueue, delete what succeeded; returns the message's receive count.</summary>
    private async Task<string> ReceiveAndFailAsync(ProcessQueueFunction function)
    {
        var message = Assert.Single(await ReceiveAsync());
        var sqsEvent = new SQSEvent
        {
            Records = [new SQSEvent.SQSMessage { MessageId = message.MessageId, ReceiptHandle = message.ReceiptHandle, Body = message.Body, Attributes = message.Attributes }],
        };

        var response = await function.ProcessQueue(sqsEvent, new TestLambdaContext { AwsRequestId = "req-1", RemainingTime = TimeSpan.FromMinutes(6) });

        Assert.Equal(message.MessageId, Assert.Single(response.BatchItemFailures).ItemIdentifier);
        return message.Attributes["ApproximateReceiveCount"];
    }

    private async Task<List<Message>> ReceiveAsync() =>
        (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest(queueUrl) { MaxNumberOfMessages = 10, WaitTimeSeconds = 0, MessageSystemAttributeNames = ["All"] })).Messages ?? [];

    private async Task<int> DeadLetterCountAsync() =>
        (await sqs.GetQueueAttributesAsync(deadLetterQueueUrl, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages;

    private async Task AdvanceAsync(TimeSpan delta)
    {
        time.Advance(delta);
        await fauxqs.AdvanceClockAsync(delta);
    }

    private sealed class NoWorkflows : IWorkflowStarter
    {
        public Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A poison message starts no execution.");
    }

    private sealed class NoLedger : ILedger
    {
        public Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken) => throw Untouched();

        public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) => throw Untouched();

        public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => throw Untouched();

        public Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken) => throw Untouched();

        public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken) => throw Untouched();
    }

    private static InvalidOperationException Untouched() => new("A poison message has no file, so the ledger is not touched.");
}
