using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

internal sealed class PassState : State
{
    public override string Type => "Pass";

    public PayloadTemplate? Parameters { get; init; }

    /// <summary>Present when the definition has a Result field (which may be JSON null).</summary>
    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public NullablePath ResultPath { get; init; } = NullablePath.Root;

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var effective = InputPath.Select(input);
        var result = HasResult ? Result?.DeepClone() : Parameters?.Evaluate(effective, run.ContextFactory) ?? effective;
        var output = OutputPath.Select(ResultPath.Merge(input, result));
        return ValueTask.FromResult(new StateResult(output, Next));
    }
}
