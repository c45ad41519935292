namespace FilePipeline.Aws.Logs;

/// <summary>Which executions to list: started in [<see cref="Since"/>, <see cref="Until"/>], of one file, with one outcome or status.</summary>
public sealed record ExecutionFilter(DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? FileId = null, string? Outcome = null)
{
    /// <param name="execution">Matches when the file id is equal and the outcome (PROCESSED, DUPLICATE, REJECTED) or status (FAILED, TIMED_OUT, …) is.</param>
    public bool Matches(ExpressExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return (FileId is null || execution.FileId == FileId)
            && (Outcome is null || string.Equals(execution.Outcome, Outcome, StringComparison.OrdinalIgnoreCase) || string.Equals(execution.Status, Outcome, StringComparison.OrdinalIgnoreCase))
            && (Since is null || execution.StartDate >= Since)
            && (Until is null || execution.StartDate <= Until);
    }
}
