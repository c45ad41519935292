namespace FilePipeline.States;

/// <summary>How an execution ended; <see cref="ExecutionResult.StatusText"/> gives AWS's spelling.</summary>
public enum ExecutionStatus
{
    Succeeded,
    Failed,
    TimedOut,
}
