namespace FilePipeline.Aws.Stack;

/// <summary>A resource of the stack whose physical name can be neither read from the template nor from the stack's outputs.</summary>
public sealed class StackResourceUnresolvedException(string message) : Exception(message);
