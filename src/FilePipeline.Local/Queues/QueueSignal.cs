namespace FilePipeline.Local.Queues;

/// <summary>
/// Wakes this process's long pollers when a message may have become available. Other processes
/// are not signalled; their pollers find new messages on their next poll of the database.
/// </summary>
internal sealed class QueueSignal
{
    private TaskCompletionSource current = NewSource();

    /// <summary>A task that completes at the next <see cref="Notify"/>; take it before checking the queue so no notification is missed.</summary>
    public Task NextAsync() => Volatile.Read(ref current).Task;

    public void Notify() => Interlocked.Exchange(ref current, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
