namespace FilePipeline.Core.Ports;

/// <summary>Starts the file-processing state machine and waits for it (StartSyncExecution on AWS).</summary>
public interface IWorkflowStarter
{
    /// <summary>
    /// Runs one execution to its end. A FAILED or TIMED_OUT execution is a result, not an exception;
    /// exceptions mean the execution could not be started.
    /// </summary>
    Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken);
}

public enum WorkflowStatus
{
    Succeeded,
    Failed,
    TimedOut,
}

/// <summary>The fields of a StartSyncExecution response the pipeline uses.</summary>
public sealed record WorkflowResult(string ExecutionArn, WorkflowStatus Status, string? Output, string? Error, string? Cause);
