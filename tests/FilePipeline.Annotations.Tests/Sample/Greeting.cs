namespace FilePipeline.Annotations.Tests.Sample;

/// <param name="Invocation">How many times this function instance has been invoked, this one included.</param>
public sealed record Greeting(string Message, string RequestId, int Invocation);
