namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>What the wrapper passes for a parameter.</summary>
internal enum ParameterKind
{
    /// <summary>The deserialized event.</summary>
    Event,

    /// <summary>The invocation's ILambdaContext.</summary>
    Context,

    /// <summary>Resolved from the invocation's scope ([FromServices]).</summary>
    Service,
}

internal sealed record ParameterModel(string Name, string TypeFullName, ParameterKind Kind);
