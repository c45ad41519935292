using FilePipeline.Core.Ports;
using FilePipeline.Local.Executions;
using FilePipeline.Local.Objects;
using FilePipeline.Local.Queues;
using FilePipeline.Local.Storage;
using FilePipeline.Local.Table;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local;

/// <summary>
/// The state directory's database and what lives in it: the embedded bucket, queues and table (the
/// default backend), and, whichever backend holds those, Lambda's async-invoke queues and the executions.
/// </summary>
public sealed class EmbeddedBackend : IPipelineBackend, ILocalState
{
    private readonly TimeProvider time;
    private readonly double throttleRate;

    /// <param name="throttleRate">The share of the functions' table calls that fail as throttled (fault injection).</param>
    public EmbeddedBackend(string stateDirectory, TimeSpan? busyTimeout, TimeProvider time, double throttleRate = 0)
    {
        this.time = time;
        this.throttleRate = throttleRate;
        Database = new LocalDatabase(stateDirectory, busyTimeout);
        Queues = new EmbeddedQueues(Database, time);
        Executions = new ExecutionStore(Database);
    }

    public LocalDatabase Database { get; }

    public EmbeddedQueues Queues { get; }

    public ExecutionStore Executions { get; }

    public async Task<PipelineServices> OpenAsync(PipelineResources resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        await EnsureQueueAsync(resources.DeadLetterQueue, cancellationToken);
        await EnsureQueueAsync(resources.WorkQueue, cancellationToken);
        var objects = new EmbeddedObjectStore(Database, Queues, time, resources.Region);
        await objects.CreateBucketAsync(resources.BucketName, new BucketNotification(resources.UploadEventQueue, resources.UploadNotificationId), cancellationToken);
        var table = new EmbeddedDynamoDb(Database, new EmbeddedDynamoDbOptions { ThrottleRate = throttleRate }, time);
        return new PipelineServices(
            objects,
            new EmbeddedJobQueue(Queues, resources.WorkQueue.Name),
            new EmbeddedWorkQueueConsumer(Queues, resources.WorkQueue.Name, time),
            new EmbeddedLedger(table, resources.TableName),
            // The host's own reads (retry visibility, reports) are not subject to injected throttling.
            new EmbeddedLedger(new EmbeddedDynamoDb(Database, timeProvider: time), resources.TableName),
            new EmbeddedDeadLetterQueue(Queues, resources.DeadLetterQueue.Name),
            table,
            NotifiesUploads: true);
    }

    public async Task<InvocationQueues> OpenInvocationQueuesAsync(QueueResource events, QueueResource failures, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(failures);
        await EnsureQueueAsync(failures, cancellationToken);
        await EnsureQueueAsync(events, cancellationToken);
        return new InvocationQueues(
            new EmbeddedJobQueue(Queues, events.Name),
            new EmbeddedWorkQueueConsumer(Queues, events.Name, time),
            new EmbeddedJobQueue(Queues, failures.Name),
            new EmbeddedWorkQueueConsumer(Queues, failures.Name, time),
            new EmbeddedDeadLetterQueue(Queues, failures.Name));
    }

    public Task MessageMayBeAvailableAsync() => Queues.MessageMayBeAvailableAsync();

    public Task WaitForMessagesAsync(Task signalled, TimeSpan delay, CancellationToken cancellationToken) => Queues.WaitForMessagesAsync(signalled, delay, cancellationToken);

    public bool IsBusy(Exception exception) => exception is SqliteException e && SqliteErrorText.IsBusy(e);

    /// <summary>Creates the queue, or brings an existing one in line with the settings (the template's may have changed).</summary>
    private async Task EnsureQueueAsync(QueueResource queue, CancellationToken cancellationToken)
    {
        var attributes = new QueueAttributes
        {
            VisibilityTimeout = queue.VisibilityTimeout,
            MessageRetentionPeriod = queue.MessageRetentionPeriod,
            RedrivePolicy = queue.Redrive is { } redrive ? new RedrivePolicy(redrive.QueueName, redrive.MaxReceiveCount) : null,
        };
        try
        {
            try
            {
                await Queues.CreateQueueAsync(queue.Name, attributes, cancellationToken);
            }
            catch (QueueOperationException e) when (e.ErrorCode == QueueErrorCodes.QueueNameExists)
            {
                await Queues.SetQueueAttributesAsync(queue.Name, attributes, cancellationToken);
            }
        }
        catch (QueueOperationException e) when (e.ErrorCode == QueueErrorCodes.InvalidParameterValue)
        {
            throw new ArgumentOutOfRangeException($"a queue setting is out of range: {e.Message}", e);
        }
    }
}
