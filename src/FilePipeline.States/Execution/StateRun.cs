using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.States.Definition;
using FilePipeline.States.History;
using FilePipeline.States.Json;
using FilePipeline.States.Variables;

#pragma warning disable CA1507 // The string keys are AWS context-object field names, not references to our members.

namespace FilePipeline.States.Execution;

/// <summary>One entry into a state: its history cursor, entered time, retry count and context object.</summary>
internal sealed class StateRun : IStateContext
{
    public StateRun(ExecutionRun execution, State state, EventCursor cursor, VariableScope variables, DateTimeOffset enteredTime, CancellationToken cancellationToken)
    {
        Execution = execution;
        State = state;
        Cursor = cursor;
        Variables = variables;
        CancellationToken = cancellationToken;
        EnteredTime = enteredTime;
    }

    public ExecutionRun Execution { get; }

    public State State { get; }

    public EventCursor Cursor { get; }

    public VariableScope Variables { get; }

    /// <summary>Made on first use: most states read neither <c>$$</c> nor a variable.</summary>
    public PathRoots Roots => field ??= new PathRoots(ContextFactory, Variables);

    public CancellationToken CancellationToken { get; }

    public DateTimeOffset EnteredTime { get; }

    public int RetryCount { get; set; }

    public bool OwnsInput { get; init; }

    public bool OwnsOutput { get; set; }

    public Func<JsonObject> ContextFactory => field ??= () => BuildContext(null);

    public TimeProvider Time => Execution.Time;

    public string Region => Execution.Options.Region;

    public long Record(string type, Func<JsonObject>? details) => Execution.Recorder.Record(Cursor, type, details);

    /// <summary>Records the state's entry, stamped with the time it was entered (<c>$$.State.EnteredTime</c>).</summary>
    public long RecordEntered(Func<JsonObject> details) => Execution.Recorder.Record(Cursor, State.EnteredEvent, details, at: EnteredTime);

    public long Record(EventCursor cursor, string type, Func<JsonObject>? details) => Execution.Recorder.Record(cursor, type, details);

    public ITaskHandler? FindHandler(string resource) => Execution.Handlers.Find(resource);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Execution.DelayAsync(delay, cancellationToken);

    public Task<JsonNode?> RunBlockAsync(StateBlock block, JsonNode? input, EventCursor cursor, VariableScope variables, CancellationToken cancellationToken) =>
        Execution.RunBlockAsync(block, input, cursor, variables, cancellationToken);

    public JsonObject BuildContext(JsonObject? mapItem)
    {
        var context = Execution.BuildContextRoot();
        var stateFields = new JsonObject
        {
            ["EnteredTime"] = FormatTime(EnteredTime),
            ["Name"] = State.Name,
        };

        // Recorded AWS executions show RetryCount only for the states that can retry.
        if (State.CanRetry)
        {
            stateFields["RetryCount"] = RetryCount;
        }

        context["State"] = stateFields;
        if (mapItem is not null)
        {
            context["Map"] = new JsonObject { ["Item"] = mapItem };
        }

        return context;
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
