namespace FilePipeline.Annotations.Tests.Sample;

public sealed record GreetRequest(string? Name);
