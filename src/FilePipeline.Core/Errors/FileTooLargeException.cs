namespace FilePipeline.Core.Errors;

/// <summary>The file is larger than the configured maximum.</summary>
public sealed class FileTooLargeException(string message, Exception? innerException = null) : PermanentFileException(message, innerException);
