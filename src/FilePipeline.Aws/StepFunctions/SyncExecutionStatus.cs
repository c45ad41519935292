namespace FilePipeline.Aws.StepFunctions;

/// <summary>The end states of a synchronous express execution (SUCCEEDED, FAILED, TIMED_OUT).</summary>
public enum SyncExecutionStatus
{
    Succeeded,
    Failed,
    TimedOut,
}
