namespace FilePipeline.Executions.History;

/// <summary>What one state did in an execution; for a state entered more than once, its most severe visit.</summary>
/// <param name="Retries">Attempts beyond the first, summed over all visits.</param>
/// <param name="Visits">How many times the state was entered (Map iterations and loops enter it again).</param>
/// <param name="Exited">Whether the (most severe) visit left the state through a …StateExited event.</param>
/// <param name="Next">The state the execution went to from here (a Catch target when caught).</param>
/// <param name="Variables">The variables the (most severe) visit assigned, as a JSON object text.</param>
public sealed record StateRun(
    string Name,
    string Type,
    StateOutcome Outcome,
    string? Input,
    string? Output,
    string? Error,
    string? Cause,
    int Retries,
    TimeSpan? Duration,
    int Visits,
    bool Exited,
    string? Next,
    string? Variables = null);
