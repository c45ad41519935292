namespace FilePipeline.Core.Errors;

/// <summary>The object or the version no longer exists.</summary>
public sealed class ObjectNotFoundException(string message, Exception? innerException = null) : PermanentFileException(message, innerException);
