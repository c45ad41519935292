namespace FilePipeline.States;

/// <summary>
/// Thrown by a task handler to fail the Task state with an ASL error name (matched by Retry and
/// Catch) and a cause, e.g. <c>DynamoDB.ConditionalCheckFailedException</c>.
/// </summary>
public sealed class TaskFailedException(string error, string cause) : Exception(cause)
{
    /// <summary>The ASL error name.</summary>
    public string Error { get; } = error;

    /// <summary>The human-readable cause.</summary>
    public string Cause { get; } = cause;
}
