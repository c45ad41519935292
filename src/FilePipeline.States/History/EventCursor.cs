namespace FilePipeline.States.History;

/// <summary>The last event of one thread of execution (the main flow, a branch or an iteration): the next event's previousEventId.</summary>
internal sealed class EventCursor(long lastEventId)
{
    public long LastEventId { get; set; } = lastEventId;
}
