using System.Text.Json;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Events;
using FilePipeline.Host.Template;
using static FilePipeline.Functions.Events.SQSEvent;

namespace FilePipeline.Host.EventSources;

/// <summary>
/// The work queue → ProcessQueue event source mapping: receives up to BatchSize messages within the
/// batching window, invokes the function once, deletes the messages it did not report as failed
/// and leaves the failed ones as they are, as Lambda does: each reappears when its visibility ends
/// (the queue's timeout, or the backoff ProcessQueue set), and the queue redrives it to the DLQ
/// after maxReceiveCount. A thrown error, or a response naming an unknown message, fails the whole batch.
/// </summary>
internal sealed class EventSourceMapping(LocalPipeline pipeline)
{
    private SqsEventSource Source => pipeline.Template.ProcessQueue.SqsEvents!;

    private string QueueName => pipeline.Template.WorkQueue.Name;

    private IWorkQueueConsumer Consumer => pipeline.Services.WorkQueueConsumer;

    /// <summary>Handles one batch; false when no message was visible.</summary>
    public async Task<bool> PollAsync(CancellationToken cancellationToken)
    {
        var batch = await ReceiveBatchAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return false;
        }

        var failed = await InvokeAsync(batch);
        foreach (var settled in batch.Where(m => !failed.Contains(m.MessageId)).Chunk(SqsLimits.MaxBatchEntries))
        {
            await Consumer.DeleteBatchAsync([.. settled.Select(m => m.ReceiptHandle)], cancellationToken);
        }

        return true;
    }

    private async Task<List<ReceivedMessage>> ReceiveBatchAsync(CancellationToken cancellationToken)
    {
        var time = pipeline.Options.Time;
        var windowEnd = time.GetUtcNow().AddSeconds(Source.MaximumBatchingWindowInSeconds);
        var batch = new List<ReceivedMessage>();
        while (true)
        {
            var wanted = Math.Min(Source.BatchSize - batch.Count, SqsLimits.MaxMessagesPerReceive);
            batch.AddRange(await Consumer.ReceiveAsync(wanted, pipeline.Options.VisibilityTimeout, cancellationToken));
            var left = windowEnd - time.GetUtcNow();
            if (batch.Count >= Source.BatchSize || left <= TimeSpan.Zero || (batch.Count == 0 && Source.MaximumBatchingWindowInSeconds == 0))
            {
                return batch;
            }

            await Task.Delay(left < PipelineRunner.PollInterval ? left : PipelineRunner.PollInterval, time, cancellationToken);
        }
    }

    private async Task<HashSet<string>> InvokeAsync(List<ReceivedMessage> batch)
    {
        var all = batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        SQSBatchResponse response;
        using var invoked = new CancellationTokenSource();
        var keepingInvisible = KeepInvisibleAsync(batch, invoked.Token);
        try
        {
            var payload = JsonSerializer.Serialize(ToEvent(batch), FunctionsJsonContext.Default.SQSEvent);
            var json = await pipeline.Functions.InvokeAsync(pipeline.Template.ProcessQueue, payload);
            response = JsonSerializer.Deserialize(json, FunctionsJsonContext.Default.SQSBatchResponse) ?? new SQSBatchResponse();
        }
#pragma warning disable CA1031 // A thrown function error fails the whole batch, as the Lambda service treats it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return all;
        }
        finally
        {
            await invoked.CancelAsync();
            await keepingInvisible;
        }

        if (!Source.ReportBatchItemFailures)
        {
            return [];
        }

        var failed = response.BatchItemFailures.Select(f => f.ItemIdentifier).ToList();
        return failed.Any(id => id is null || !all.Contains(id))
            ? all
            : failed.ToHashSet(StringComparer.Ordinal)!;
    }

    /// <summary>
    /// Keeps a batch invisible while ProcessQueue runs. On AWS the template's visibility timeout
    /// (6 × the function's timeout) guarantees it; locally the timeout may be overridden to seconds
    /// so retries come quickly, and a batch that outlived it would be delivered again while its first
    /// execution still holds the file's claim: the second delivery would end DUPLICATE and delete the
    /// message, and a crash of the first would then leave the file PROCESSING for good.
    /// </summary>
    private async Task KeepInvisibleAsync(List<ReceivedMessage> batch, CancellationToken invoked)
    {
        var seconds = pipeline.Options.VisibilityTimeout ?? pipeline.Template.WorkQueue.VisibilityTimeout;
        var renewEvery = TimeSpan.FromSeconds(seconds / 2.0);
        try
        {
            while (true)
            {
                await Task.Delay(renewEvery, pipeline.Options.Time, invoked);
                foreach (var message in batch)
                {
                    await Consumer.ChangeVisibilityAsync(message.ReceiptHandle, seconds, invoked);
                }
            }
        }
        catch (OperationCanceledException) when (invoked.IsCancellationRequested)
        {
            // The function returned; the batch is settled by the caller.
        }
    }

    private SQSEvent ToEvent(List<ReceivedMessage> batch) => new()
    {
        Records = [.. batch.Select(message => new SQSMessage
        {
            MessageId = message.MessageId,
            ReceiptHandle = message.ReceiptHandle,
            Body = message.Body,
            Md5OfBody = message.MD5OfBody,
            Attributes = new Dictionary<string, string>(message.Attributes, StringComparer.Ordinal),
            MessageAttributes = [],
            EventSource = "aws:sqs",
            EventSourceArn = pipeline.Template.Identity.QueueArn(QueueName),
            AwsRegion = pipeline.Template.Identity.Region,
        })],
    };
}
