namespace FilePipeline.States;

/// <summary>
/// One problem found in a state machine definition. <paramref name="Code"/> follows AWS's
/// ValidateStateMachineDefinition codes (SCHEMA_VALIDATION_FAILED, MISSING_TRANSITION_TARGET,
/// UNREACHABLE_STATE, …); <paramref name="Location"/> is a JSON pointer such as <c>/States/Foo/Next</c>.
/// </summary>
public sealed record ValidationError(string Code, string Message, string Location)
{
    public override string ToString() => $"{Code}: {Message} at {Location}";
}
