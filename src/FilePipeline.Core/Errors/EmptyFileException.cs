namespace FilePipeline.Core.Errors;

/// <summary>The file has no record at all: zero bytes, or only a byte order mark and blank lines.</summary>
public sealed class EmptyFileException(string message = EmptyFileException.DefaultMessage) : PermanentFileException(message)
{
    private const string DefaultMessage = "The file is empty: it has no header and no rows. Upload a CSV with at least a header line.";
}
