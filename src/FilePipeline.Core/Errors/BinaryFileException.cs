namespace FilePipeline.Core.Errors;

/// <summary>The file is not text: it holds NUL bytes.</summary>
public sealed class BinaryFileException(long line, string reason, Exception? innerException = null)
    : PermanentFileException($"Not a text file (line {line}): {reason}.", innerException)
{
    /// <summary>The 1-based physical line holding the first offending byte.</summary>
    public long Line { get; } = line;

    /// <summary>What was found, without the line: "a NUL byte at byte offset 12".</summary>
    public string Reason { get; } = reason;
}
