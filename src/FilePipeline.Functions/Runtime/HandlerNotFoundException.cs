namespace FilePipeline.Functions.Runtime;

/// <summary>The handler name in <c>ANNOTATIONS_HANDLER</c>/<c>_HANDLER</c> names no registered function.</summary>
public sealed class HandlerNotFoundException(string message) : Exception(message);
