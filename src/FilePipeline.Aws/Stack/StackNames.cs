namespace FilePipeline.Aws.Stack;

/// <summary>The physical names of a deployed stack's resources that the operating commands use.</summary>
/// <param name="FailedInvokeQueue">ValidateUpload's OnFailure queue, when the template has one.</param>
/// <param name="LogGroup">The state machine's Logging destination, when it logs.</param>
public sealed record StackNames(
    string StackName,
    string Region,
    string Bucket,
    string WorkQueue,
    string DeadLetterQueue,
    string? FailedInvokeQueue,
    string Table,
    string StateMachineArn,
    string? LogGroup);
