using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.States.Definition;
using FilePipeline.States.History;
using FilePipeline.States.Json;
using FilePipeline.States.Variables;

#pragma warning disable CA1507 // The string keys are AWS context-object field names, not references to our members.

namespace FilePipeline.States.Execution;

/// <summary>One entry into a state: its history cursor, entered time, retry count and context object.</summary>
internal sealed class StateRun
{
    public StateRun(ExecutionRun execution, State state, EventCursor cursor, VariableScope variables, CancellationToken cancellationToken)
    {
        Execution = execution;
        State = state;
        Cursor = cursor;
        Variables = variables;
        CancellationToken = cancellationToken;
        EnteredTime = execution.Time.GetUtcNow();
        ContextFactory = () => BuildContext(null);
        Roots = new PathRoots(ContextFactory, variables);
    }

    public ExecutionRun Execution { get; }

    public State State { get; }

    public EventCursor Cursor { get; }

    /// <summary>The variables of the block this state runs in.</summary>
    public VariableScope Variables { get; }

    /// <summary>The context object and variables, for paths that start at <c>$$</c> or <c>$name</c>.</summary>
    public PathRoots Roots { get; }

    public CancellationToken CancellationToken { get; }

    public DateTimeOffset EnteredTime { get; }

    public int RetryCount { get; set; }

    /// <summary>Builds the context object <c>$$</c> on demand: most states never read it.</summary>
    public Func<JsonObject> ContextFactory { get; }

    public long Record(string type, Func<JsonObject>? details) => Execution.Recorder.Record(Cursor, type, details);

    /// <summary>The context object, with Map.Item when evaluating a Map's ItemSelector.</summary>
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
