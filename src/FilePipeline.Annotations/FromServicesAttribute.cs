namespace FilePipeline.Annotations;

/// <summary>A function parameter resolved from the invocation's service scope rather than from the event.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class FromServicesAttribute : Attribute;
