using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// Messages received but not yet deleted (being processed, or held by a runner that crashed): a run
/// until idle waits for them, and this says how many there are and when the next returns.
/// </summary>
public sealed record InFlightMessages(int Count, DateTimeOffset? NextVisibleAt)
{
    /// <summary>The in-flight messages of the pipeline's embedded queues (a real SQS work queue is not listed).</summary>
    public static async Task<InFlightMessages> ReadAsync(LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var now = pipeline.Options.Time.GetUtcNow();
        var inFlight = new List<QueuedMessage>();
        foreach (var queue in new[] { pipeline.AsyncInvokeQueue, pipeline.Template.WorkQueue.Name })
        {
            try
            {
                inFlight.AddRange((await pipeline.Queues.ListMessagesAsync(queue, cancellationToken)).Where(m => m.VisibleAt > now));
            }
            catch (QueueOperationException)
            {
                // The work queue lives in SQS with --backend aws; only its count is known there.
            }
        }

        return new InFlightMessages(inFlight.Count, inFlight.Count == 0 ? null : inFlight.Min(m => m.VisibleAt));
    }
}
