namespace FilePipeline.Aws.Stack;

/// <summary>A resource the template names is not there: the stack is in another region or account, not deployed, or deleted.</summary>
public sealed class StackResourceMissingException(string message, Exception? inner = null) : Exception(message, inner);
