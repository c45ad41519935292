namespace FilePipeline.States.Store;

/// <summary>The state machine an execution ran, as DescribeStateMachineForExecution returns it.</summary>
/// <param name="Definition">The Amazon States Language JSON exactly as it ran.</param>
public sealed record StoredStateMachine(string StateMachineArn, string Name, string Definition);
