namespace FilePipeline.Functions;

/// <summary>
/// A function stopped its work shortly before the invocation deadline, so the caller sees a named,
/// retryable error instead of a killed invocation.
/// </summary>
public sealed class DeadlineExceededException(TimeSpan margin, Exception? innerException = null)
    : Exception($"Stopped {margin.TotalSeconds:0.###} s before the invocation deadline; the work did not finish in time.", innerException);
