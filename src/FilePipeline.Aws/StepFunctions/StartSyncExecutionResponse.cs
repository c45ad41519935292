namespace FilePipeline.Aws.StepFunctions;

/// <summary>A StartSyncExecution response; a FAILED execution is still HTTP 200, so failure is a <see cref="Status"/>, not an exception.</summary>
public sealed record StartSyncExecutionResponse(string ExecutionArn, SyncExecutionStatus Status, DateTimeOffset? StartDate, DateTimeOffset? StopDate, string? Output, string? Error, string? Cause);
