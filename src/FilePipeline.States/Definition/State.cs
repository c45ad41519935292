using System.Text.Json.Nodes;
using FilePipeline.States.Variables;

namespace FilePipeline.States.Definition;

/// <summary>
/// A state of a definition; one subclass per ASL state type, each doing only its own work. The
/// engine's state executor runs the input and output processing (<see cref="IO"/>) and Retry/Catch
/// around that work, the same way for every type.
/// </summary>
internal abstract class State
{
    private string? enteredEvent;
    private string? exitedEvent;

    public required string Name { get; init; }

    /// <summary>The ASL type name (Task, Pass, …), also the prefix of its history events.</summary>
    public abstract string Type { get; }

    /// <summary>The history event type of entering the state (TaskStateEntered, …), made once.</summary>
    public string EnteredEvent => enteredEvent ??= Type + "StateEntered";

    public string ExitedEvent => exitedEvent ??= Type + "StateExited";

    /// <summary>The Next state, or null when the state ends its block.</summary>
    public string? Next { get; init; }

    /// <summary>Input and output processing in the state's query language.</summary>
    public StateIO IO { get; init; } = JsonPathIO.Identity;

    /// <summary>The Retry field; only Task, Parallel and Map states have one.</summary>
    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    /// <summary>The Catch field; only Task, Parallel and Map states have one.</summary>
    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>Whether the state can Retry, which is when AWS's context object has State.RetryCount.</summary>
    public virtual bool CanRetry => false;

    /// <summary>Whether the work receives the state's Arguments (JSONPath: Parameters), evaluated again for every attempt.</summary>
    public virtual bool TakesArguments => false;

    /// <summary>Every state this one can transition to (Next, Choice targets, Catch targets).</summary>
    public virtual IEnumerable<string> Transitions =>
        Next is null ? Catch.Select(c => c.Next) : Catch.Select(c => c.Next).Prepend(Next);

    /// <summary>
    /// The state's own work on its effective input (JSONPath: after InputPath) and, when it
    /// <see cref="TakesArguments"/>, on its arguments.
    /// </summary>
    public abstract ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments);
}

/// <summary>
/// What a state's work produced, for the executor to finish: the value its output is made from
/// (<see cref="Kind"/> says what it is), where to go next (null: the block ends), and a matched
/// Choice rule's own Assign or JSONata processing.
/// </summary>
internal readonly record struct StateWork(JsonNode? Value, ResultKind Kind, string? Next, AssignField? Assign = null, StateIO? IO = null);

/// <summary>A state's output, where to go next (null: the block ends with this output) and the variables it assigns on exit.</summary>
internal readonly record struct StateResult(JsonNode? Output, string? Next, VariableAssignment? Assigned = null);
