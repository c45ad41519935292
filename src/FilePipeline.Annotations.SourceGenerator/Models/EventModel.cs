namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>One SAM event of a function: its key under <c>Events</c>, its type and the properties set on its attribute.</summary>
/// <param name="Properties">Dotted property paths with their JSON values, in the order they are written.</param>
internal sealed record EventModel(string ResourceName, string Type, EquatableArray<TemplateValue> Properties);

/// <summary>A template property path (dot-separated) and its JSON value.</summary>
internal sealed record TemplateValue(string Path, string Json);
