using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>
/// JSONata processing: Arguments (with <c>$states.input</c>) → (work) → Assign and Output (with
/// <c>$states.result</c> or, in a Catcher, <c>$states.errorOutput</c>). Without Output the state's
/// output is its result (or its input for Pass, Choice, Wait and Succeed).
/// </summary>
internal sealed class JsonataIO : StateIO
{
    public JsonataTemplate? ArgumentsTemplate { get; init; }

    public JsonataTemplate? OutputTemplate { get; init; }

    public static JsonataIO Read(FieldReader reader, IOFields fields) => new()
    {
        ArgumentsTemplate = fields.HasFlag(IOFields.Parameters) ? JsonataTemplate.Read(reader, "Arguments") : null,
        OutputTemplate = (fields & (IOFields.Paths | IOFields.ResultPath)) != 0 ? JsonataTemplate.Read(reader, "Output") : null,
        Assign = fields.HasFlag(IOFields.Assign) && IOParser.CheckAssignNames(reader) && JsonataTemplate.Read(reader, "Assign") is { } assign
            ? new JsonataAssign(assign)
            : null,
    };

    public override JsonNode? EffectiveInput(IStateContext run, JsonNode? rawInput) => rawInput;

    public override JsonNode? Arguments(IStateContext run, JsonNode? rawInput, JsonNode? effectiveInput) =>
        ArgumentsTemplate is null
            ? effectiveInput?.DeepClone()
            : ArgumentsTemplate.Evaluate(new JsonataScope(run, rawInput) { Reads = ArgumentsTemplate.Reads }, "Arguments");

    protected override JsonNode? SelectResult(IStateContext run, JsonNode? value, ResultKind kind) => value;

    protected override JsonNode? Output(IStateContext run, JsonNode? rawInput, JsonNode? value, ResultKind kind) =>
        OutputTemplate is null
            ? value
            : OutputTemplate.Evaluate(new JsonataScope(run, rawInput, kind, value) { Reads = OutputTemplate.Reads }, "Output");
}

/// <summary>A JSONata Assign: an object whose values may be <c>{% %}</c> expressions.</summary>
internal sealed class JsonataAssign(JsonataTemplate template) : AssignField
{
    public override JsonObject Evaluate(IStateContext run, JsonNode? rawInput, JsonNode? value, ResultKind kind) =>
        template.Evaluate(new JsonataScope(run, rawInput, kind, value) { Reads = template.Reads }, "Assign") as JsonObject
        ?? throw JsonataScope.Failure("Assign", "The field 'Assign' must evaluate to a JSON object");
}
