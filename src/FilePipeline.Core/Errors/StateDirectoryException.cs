namespace FilePipeline.Core.Errors;

/// <summary>
/// The state directory or its database cannot be used (damaged, not FilePipeline's, locked, full,
/// read-only, not a directory); the message says what happened and what to do.
/// </summary>
public sealed class StateDirectoryException(string message, Exception? innerException = null) : Exception(message, innerException);
