using System.Diagnostics.CodeAnalysis;

namespace FilePipeline.States;

/// <summary>The outcome of <see cref="StateMachineDefinition.Parse"/>: a definition, or the validation errors.</summary>
public sealed record DefinitionParseResult(StateMachineDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    [MemberNotNullWhen(true, nameof(Definition))]
    public bool IsValid => Definition is not null;

    internal static DefinitionParseResult Invalid(params ValidationError[] errors) => new(null, errors);
}
