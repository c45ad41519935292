namespace FilePipeline.Core.Errors;

/// <summary>
/// Base of the contract exceptions. A subclass's short type name is the Error name the state
/// machine's Retry and Catch match on, so renaming one is a breaking change.
/// </summary>
public abstract class PipelineException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    /// <summary>True when retrying cannot help: the file is rejected, not retried.</summary>
    public abstract bool IsPermanent { get; }
}
