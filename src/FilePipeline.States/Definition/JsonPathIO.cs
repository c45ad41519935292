using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>JSONPath processing: InputPath → Parameters → (work) → ResultSelector → Assign → ResultPath → OutputPath.</summary>
internal sealed class JsonPathIO : StateIO
{
    public static readonly JsonPathIO Identity = new();

    public NullablePath InputPath { get; init; } = NullablePath.Root;

    public PayloadTemplate? Parameters { get; init; }

    /// <summary>The error a missing Parameters path raises: AWS raises States.Runtime in a Pass state.</summary>
    public string ParametersFailure { get; init; } = StatesErrors.ParameterPathFailure;

    public PayloadTemplate? ResultSelector { get; init; }

    public NullablePath ResultPath { get; init; } = NullablePath.Root;

    public NullablePath OutputPath { get; init; } = NullablePath.Root;

    public override JsonNode? EffectiveInput(IStateContext run, JsonNode? rawInput) => InputPath.Select(rawInput, run);

    public override JsonNode? Arguments(IStateContext run, JsonNode? rawInput, JsonNode? effectiveInput) =>
        Parameters is null ? effectiveInput?.DeepClone() : Parameters.Evaluate(effectiveInput, run.Roots, ParametersFailure);

    protected override JsonNode? SelectResult(IStateContext run, JsonNode? value, ResultKind kind) =>
        ResultSelector is null || kind != ResultKind.Result ? value : ResultSelector.Evaluate(value, run.Roots);

    protected override JsonNode? Output(IStateContext run, JsonNode? rawInput, JsonNode? value, ResultKind kind)
    {
        var merged = ResultPath.Merge(rawInput, value, run.OwnsInput);
        // A ResultPath into the input made a copy of it (or reused one) that only the next state will hold.
        run.OwnsOutput = OutputPath.Path is { IsRoot: true } && ResultPath.Path switch
        {
            null => run.OwnsInput,
            { IsRoot: true } => false,
            _ => true,
        };
        return OutputPath.Select(merged, run);
    }
}

/// <summary>A JSONPath Assign: a payload template whose <c>$</c> is the state's result (or input, or error output).</summary>
internal sealed class JsonPathAssign(PayloadTemplate template) : AssignField
{
    public override JsonObject Evaluate(IStateContext run, JsonNode? rawInput, JsonNode? value, ResultKind kind) =>
        (JsonObject)template.Evaluate(value, run.Roots, StatesErrors.Runtime)!;
}
