using System.Text.Json.Nodes;

namespace FilePipeline.States.History;

/// <summary>
/// Appends events with sequential ids; thread-safe because Parallel branches and Map iterations
/// record concurrently. After the execution closes, late events from cancelled branches are dropped.
/// </summary>
internal sealed class HistoryRecorder(TimeProvider time, Action<HistoryEvent>? observer)
{
    private readonly List<HistoryEvent> events = [];
    private readonly Lock gate = new();
    private bool closed;

    public IReadOnlyList<HistoryEvent> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    /// <summary>Records an event after <paramref name="cursor"/>'s last one and advances the cursor.</summary>
    public long Record(EventCursor cursor, string type, Func<JsonObject>? details, bool closes = false)
    {
        HistoryEvent recorded;
        lock (gate)
        {
            if (closed)
            {
                return cursor.LastEventId;
            }

            recorded = new HistoryEvent
            {
                Id = events.Count + 1,
                PreviousEventId = cursor.LastEventId,
                Timestamp = time.GetUtcNow(),
                Type = type,
                DetailsFactory = details,
            };
            events.Add(recorded);
            cursor.LastEventId = recorded.Id;
            closed = closes;
            observer?.Invoke(recorded);
        }

        return recorded.Id;
    }
}
