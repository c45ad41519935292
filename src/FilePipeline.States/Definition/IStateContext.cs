using System.Text.Json.Nodes;
using FilePipeline.States.History;
using FilePipeline.States.Json;
using FilePipeline.States.Variables;

namespace FilePipeline.States.Definition;

/// <summary>
/// What a state's own work may use of the execution it runs in. The engine provides it, so a
/// definition never names the engine: Execution depends on Definition, not the other way round.
/// </summary>
internal interface IStateContext
{
    State State { get; }

    /// <summary>The context object and variables, for paths that start at <c>$$</c> or <c>$name</c>.</summary>
    PathRoots Roots { get; }

    /// <summary>The variables of the block this state runs in.</summary>
    VariableScope Variables { get; }

    CancellationToken CancellationToken { get; }

    TimeProvider Time { get; }

    string Region { get; }

    int RetryCount { get; }

    /// <summary>Whether the state input is a copy this execution made that nothing else holds, so ResultPath may write into it.</summary>
    bool OwnsInput { get; }

    /// <summary>Set by the output processing when the output is such a copy, for the next state.</summary>
    bool OwnsOutput { get; set; }

    /// <summary>Builds the context object <c>$$</c> on demand: most states never read it.</summary>
    Func<JsonObject> ContextFactory { get; }

    /// <summary>The context object, with Map.Item when evaluating a Map's ItemSelector.</summary>
    JsonObject BuildContext(JsonObject? mapItem);

    /// <summary>Records a history event after this state's last one; <paramref name="details"/> is built only if read.</summary>
    long Record(string type, Func<JsonObject>? details);

    /// <summary>Records a history event in a Parallel branch's or Map iteration's own chain.</summary>
    long Record(EventCursor cursor, string type, Func<JsonObject>? details);

    ITaskHandler? FindHandler(string resource);

    /// <summary>Waits on the execution's clock, ending the execution at its deadline.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>Runs a Parallel branch or Map iteration from its StartAt to its end.</summary>
    Task<JsonNode?> RunBlockAsync(StateBlock block, JsonNode? input, EventCursor cursor, VariableScope variables, CancellationToken cancellationToken);
}
