namespace FilePipeline.Core.Errors;

/// <summary>The object's content changed after it was uploaded (ETag mismatch).</summary>
public sealed class ObjectChangedException(string message, Exception? innerException = null) : PermanentFileException(message, innerException);
