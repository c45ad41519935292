using System.Text.Json.Nodes;
using FilePipeline.States.Execution;

namespace FilePipeline.States.Definition;

/// <summary>A state of a definition; one subclass per ASL state type, each owning its behaviour.</summary>
internal abstract class State
{
    public required string Name { get; init; }

    /// <summary>The ASL type name (Task, Pass, …), also the prefix of its history events.</summary>
    public abstract string Type { get; }

    /// <summary>The Next state, or null when the state ends its block.</summary>
    public string? Next { get; init; }

    public NullablePath InputPath { get; init; } = NullablePath.Root;

    public NullablePath OutputPath { get; init; } = NullablePath.Root;

    /// <summary>Every state this one can transition to (Next, Choice targets, Catch targets).</summary>
    public virtual IEnumerable<string> Transitions => Next is null ? [] : [Next];

    public abstract ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input);
}

/// <summary>A state's output and where to go next (null: the block ends with this output).</summary>
internal readonly record struct StateResult(JsonNode? Output, string? Next);
