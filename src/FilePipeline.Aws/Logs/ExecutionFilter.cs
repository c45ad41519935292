namespace FilePipeline.Aws.Logs;

/// <summary>Which executions to list: started in [<see cref="Since"/>, <see cref="Until"/>], of one file, with one outcome or status.</summary>
public sealed record ExecutionFilter(DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? FileId = null, string? Outcome = null)
{
    public bool Matches(ExpressExecution execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return Matches(execution.FileId, execution.Status, execution.Outcome, execution.StartDate);
    }

    /// <summary>The file id is equal, the outcome (PROCESSED, DUPLICATE, REJECTED) or status (FAILED, TIMED_OUT, …) is, and it started in the range.</summary>
    public bool Matches(string? fileId, string status, string? outcome, DateTimeOffset startDate) =>
        (FileId is null || fileId == FileId)
        && (Outcome is null || string.Equals(outcome, Outcome, StringComparison.OrdinalIgnoreCase) || string.Equals(status, Outcome, StringComparison.OrdinalIgnoreCase))
        && (Since is null || startDate >= Since)
        && (Until is null || startDate <= Until);
}
