using FilePipeline.States;

namespace FilePipeline.Local.Hosting.Executions;

/// <summary>An engine result with the number the store gave the execution.</summary>
public sealed record ExecutionResultWithId(long Id, ExecutionResult Result)
{
    public ExecutionStatus Status => Result.Status;

    public string ExecutionArn => Result.ExecutionArn;

    public string? Output => Result.Output;

    public string? Error => Result.Error;

    public string? Cause => Result.Cause;
}
