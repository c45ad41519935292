namespace FilePipeline.Core.Errors;

/// <summary>The file breaks the CSV rules (RFC 4180 quoting) at a known physical line.</summary>
public sealed class InvalidCsvException(long line, string reason, Exception? innerException = null)
    : PermanentFileException($"Invalid CSV at line {line}: {reason}.", innerException)
{
    /// <summary>The 1-based physical line (line breaks inside quoted fields count).</summary>
    public long Line { get; } = line;

    /// <summary>What is wrong, without the line: "a quote inside an unquoted field".</summary>
    public string Reason { get; } = reason;
}
