using System.Text.Json.Nodes;

namespace FilePipeline.States.History;

/// <summary>
/// Appends events with sequential ids; thread-safe because Parallel branches and Map iterations
/// record concurrently. After the execution closes, late events from cancelled branches are dropped.
/// Memory stays bounded: a standard execution fails at AWS's history quota (<paramref name="endAtLimit"/>
/// is told first); an express one, which has no such quota, keeps counting ids but retains and reports
/// only its first events and its closing one.
/// </summary>
internal sealed class HistoryRecorder(TimeProvider time, Action<HistoryEvent>? observer, Action? endAtLimit)
{
    /// <summary>AWS's hard quota of entries in a standard execution's history.</summary>
    public const int EventLimit = 25_000;

    private readonly List<HistoryEvent> events = [];
    private readonly Lock gate = new();
    private long count;
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

    /// <summary>Events of an express execution past <see cref="EventLimit"/>: counted in the ids, not retained.</summary>
    public long OmittedEvents
    {
        get
        {
            lock (gate)
            {
                return count - events.Count;
            }
        }
    }

    /// <summary>Records an event after <paramref name="cursor"/>'s last one and advances the cursor; stamped now unless the caller read the clock already (<paramref name="at"/>).</summary>
    /// <exception cref="StateErrorException">States.Runtime: a standard execution's next event would be its 25,000th and does not close it.</exception>
    public long Record(EventCursor cursor, string type, Func<JsonObject>? details, bool closes = false, DateTimeOffset? at = null)
    {
        HistoryEvent recorded;
        lock (gate)
        {
            if (closed)
            {
                return cursor.LastEventId;
            }

            if (!closes && count + 1 >= EventLimit && endAtLimit is not null)
            {
                // AWS: event 25,000 may only be ExecutionSucceeded; anything else makes it ExecutionFailed.
                endAtLimit();
                throw new StateErrorException(StatesErrors.Runtime, $"The execution reached the maximum number of history events ({EventLimit}).");
            }

            recorded = new HistoryEvent
            {
                Id = ++count,
                PreviousEventId = cursor.LastEventId,
                Timestamp = at ?? time.GetUtcNow(),
                Type = type,
                DetailsFactory = details,
            };
            cursor.LastEventId = recorded.Id;
            closed = closes;
            if (closes || count < EventLimit)
            {
                events.Add(recorded);
                observer?.Invoke(recorded);
            }
        }

        return recorded.Id;
    }
}
