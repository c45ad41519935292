using FilePipeline.States;

namespace FilePipeline.Host.Executions;

/// <summary>An engine result with the number the store gave the execution.</summary>
public sealed record ExecutionResultWithId(long Id, ExecutionResult Result);
