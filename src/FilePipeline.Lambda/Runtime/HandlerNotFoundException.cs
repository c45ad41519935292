namespace FilePipeline.Lambda.Runtime;

/// <summary>The handler name in <c>ANNOTATIONS_HANDLER</c>/<c>_HANDLER</c> names no function of this bootstrap.</summary>
public sealed class HandlerNotFoundException(string message) : Exception(message);
