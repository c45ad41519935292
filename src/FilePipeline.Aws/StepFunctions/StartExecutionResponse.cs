namespace FilePipeline.Aws.StepFunctions;

/// <summary>The fields of a StartExecution response the pipeline uses.</summary>
public sealed record StartExecutionResponse(string ExecutionArn, DateTimeOffset? StartDate);
