namespace FilePipeline.Executions.History;

/// <summary>One state entry on the execution's path, in the order the states were entered.</summary>
/// <param name="Depth">Nesting inside Parallel/Map states, for indentation.</param>
/// <param name="Variables">The variables the state assigned on exit, as a JSON object text (name → value).</param>
public sealed record PathStep(
    string Name,
    string Type,
    int Depth,
    StateOutcome Outcome,
    string? Input,
    string? Output,
    int Retries,
    TimeSpan? Duration,
    string? Error,
    string? Cause,
    bool Exited,
    string? Next,
    string? Variables = null);
