using FilePipeline.States.History;

namespace FilePipeline.States.Store;

/// <summary>
/// Where executions and their histories are kept, as DescribeExecution, ListExecutions,
/// DescribeStateMachineForExecution and GetExecutionHistory read them. The host writes through it;
/// the local backend keeps it in the state directory.
/// </summary>
public interface IExecutionStore
{
    /// <summary>Records a RUNNING execution and returns a writer for its history events.</summary>
    /// <param name="storeEachEvent">Store the row and every event before the call returns, for an observer that may end the process.</param>
    Task<IExecutionWriter> BeginAsync(StoredStateMachine stateMachine, string name, string input, DateTimeOffset startDate, bool storeEachEvent = false);

    /// <summary>The latest executions first, of one file when <paramref name="fileId"/> is given.</summary>
    IReadOnlyList<ExecutionRecord> List(string? fileId = null, int limit = 1000);

    /// <summary>Finds an execution by its number, name or ARN (the latest when a name repeats).</summary>
    ExecutionRecord? Find(string idOrNameOrArn);

    /// <summary>The state machine and definition the execution ran; null for executions stored before definitions were kept.</summary>
    StoredStateMachine? DescribeStateMachineForExecution(long executionId);

    IReadOnlyList<HistoryEvent> History(long executionId);
}
