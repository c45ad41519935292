using FilePipeline.Core.Ports;
using FilePipeline.Local.Objects;
using FilePipeline.Local.Queues;
using FilePipeline.Testing.Contracts;

namespace FilePipeline.Local.Tests.Contracts;

public sealed class EmbeddedObjectStoreContractTests : VersionedObjectStoreContract, IDisposable
{
    private readonly EmbeddedTestBed bed = new();
    private readonly EmbeddedObjectStore store;

    public EmbeddedObjectStoreContractTests()
    {
        store = bed.OpenObjectStore();
        store.CreateBucketAsync(Bucket, notification: null, CancellationToken.None).GetAwaiter().GetResult();
    }

    protected override string Bucket => "contract-bucket";

    protected override IObjectStore Store => store;

    protected override Task DeleteVersionAsync(string key, string versionId) => store.DeleteObjectAsync(Bucket, key, versionId, CancellationToken.None);

    public void Dispose() => bed.Dispose();
}

public sealed class EmbeddedJobQueueContractTests : FullUnicodeJobQueueContract, IDisposable
{
    private const string QueueName = "jobs";
    private readonly EmbeddedTestBed bed = new();

    public EmbeddedJobQueueContractTests()
    {
        bed.Queues.CreateQueueAsync(QueueName, new QueueAttributes(), CancellationToken.None).GetAwaiter().GetResult();
        Queue = new EmbeddedJobQueue(bed.Queues, QueueName);
    }

    protected override IJobQueue Queue { get; }

    /// <summary>The embedded queue enforces SQS's limit before August 2025.</summary>
    protected override int MaxBatchBytes => 256 * 1024;

    protected override async Task<IReadOnlyList<string>> BodiesInQueueAsync() =>
        [.. (await bed.Queues.ListMessagesAsync(QueueName, CancellationToken.None)).Select(m => m.Body)];

    public void Dispose() => bed.Dispose();
}

public sealed class EmbeddedDeadLetterQueueContractTests : ExactReceiveCountDeadLetterQueueContract, IDisposable
{
    private const string SourceQueue = "jobs";
    private const string DeadLetterQueue = "jobs-dlq";
    private readonly EmbeddedTestBed bed = new();

    public EmbeddedDeadLetterQueueContractTests()
    {
        bed.Queues.CreateQueueAsync(DeadLetterQueue, new QueueAttributes(), CancellationToken.None).GetAwaiter().GetResult();
        bed.Queues.CreateQueueAsync(SourceQueue, new QueueAttributes { RedrivePolicy = new RedrivePolicy(DeadLetterQueue, MaxReceiveCount) }, CancellationToken.None).GetAwaiter().GetResult();
        DeadLetters = new EmbeddedDeadLetterQueue(bed.Queues, DeadLetterQueue);
    }

    protected override IDeadLetterQueue DeadLetters { get; }

    protected override int MaxReceiveCount => 3;

    protected override async Task<string> ParkAsync(string body)
    {
        var sent = await bed.Queues.SendMessageAsync(SourceQueue, body, CancellationToken.None);
        var receive = new ReceiveMessageRequest(SourceQueue) { MaxNumberOfMessages = 10, VisibilityTimeout = 0 };
        // maxReceiveCount receives deliver it; the next one moves it to the dead-letter queue.
        for (var receives = 0; receives <= MaxReceiveCount; receives++)
        {
            await bed.Queues.ReceiveMessageAsync(receive, CancellationToken.None);
        }

        return sent.MessageId;
    }

    protected override async Task<IReadOnlyList<string>> BodiesInSourceQueueAsync() =>
        [.. (await bed.Queues.ListMessagesAsync(SourceQueue, CancellationToken.None)).Select(m => m.Body)];

    public void Dispose() => bed.Dispose();
}
