using FilePipeline.States.History;

namespace FilePipeline.States.Store;

/// <summary>Appends one execution's events as they happen, then records how it ended.</summary>
public interface IExecutionWriter
{
    /// <summary>The stored execution's number.</summary>
    long Id { get; }

    /// <summary>Queues the event; the task completes once it is stored.</summary>
    Task AppendAsync(HistoryEvent historyEvent);

    Task CompleteAsync(ExecutionResult result);

    /// <summary>The engine refused to run (e.g. input that is not JSON): recorded as a failed execution.</summary>
    Task FailAsync(string errorName, string cause, DateTimeOffset stopDate);
}
