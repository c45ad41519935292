using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.Variables;

namespace FilePipeline.States.Definition;

/// <summary>A state of a definition; one subclass per ASL state type, each owning its behaviour.</summary>
internal abstract class State
{
    public required string Name { get; init; }

    /// <summary>The ASL type name (Task, Pass, …), also the prefix of its history events.</summary>
    public abstract string Type { get; }

    /// <summary>The Next state, or null when the state ends its block.</summary>
    public string? Next { get; init; }

    /// <summary>Input and output processing in the state's query language.</summary>
    public StateIO IO { get; init; } = JsonPathIO.Identity;

    /// <summary>Whether the state can Retry, which is when AWS's context object has State.RetryCount.</summary>
    public virtual bool CanRetry => false;

    /// <summary>Every state this one can transition to (Next, Choice targets, Catch targets).</summary>
    public virtual IEnumerable<string> Transitions => Next is null ? [] : [Next];

    public abstract ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input);
}

/// <summary>A state's output, where to go next (null: the block ends with this output) and the variables it assigns on exit.</summary>
internal readonly record struct StateResult(JsonNode? Output, string? Next, VariableAssignment? Assigned = null);
