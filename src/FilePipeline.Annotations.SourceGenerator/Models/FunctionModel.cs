namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>Everything the output step needs of one [LambdaFunction] method; plain values only, compared by value.</summary>
internal sealed record FunctionModel(
    string Namespace,
    string ClassName,
    string ClassFullName,
    string MethodName,
    string ResourceName,
    EquatableArray<TemplateValue> Properties,
    EquatableArray<ParameterModel> Parameters,
    ReturnShape Return,
    string? ResultTypeFullName,
    EquatableArray<EventModel> Events,
    bool NeedsServices,
    LocationInfo? Location,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The generated wrapper class, named as Lambda Annotations names it.</summary>
    public string WrapperName => $"{ClassName}_{MethodName}_Generated";

    public string WrapperFullName => Namespace.Length == 0 ? $"global::{WrapperName}" : $"global::{Namespace}.{WrapperName}";

    /// <summary>False when a diagnostic makes the method unusable, so no wrapper is written for it.</summary>
    public bool IsValid => Diagnostics.Length == 0;
}
