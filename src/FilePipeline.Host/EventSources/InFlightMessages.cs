namespace FilePipeline.Host.EventSources;

/// <summary>
/// Messages received but not yet deleted (being processed, or held by a runner that crashed): a run
/// until idle waits for them, and this says how many there are and when the next returns.
/// </summary>
public sealed record InFlightMessages(int Count, DateTimeOffset? NextVisibleAt)
{
    /// <summary>The in-flight messages of the async-invoke queue and the work queue (a real SQS work queue cannot list them).</summary>
    public static async Task<InFlightMessages> ReadAsync(LocalPipeline pipeline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var visibleAt = new List<DateTimeOffset>();
        foreach (var consumer in new[] { pipeline.AsyncInvocations.EventConsumer, pipeline.Services.WorkQueueConsumer })
        {
            visibleAt.AddRange(await consumer.InFlightUntilAsync(cancellationToken));
        }

        return new InFlightMessages(visibleAt.Count, visibleAt.Count == 0 ? null : visibleAt.Min());
    }
}
