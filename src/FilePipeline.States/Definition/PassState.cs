using System.Text.Json.Nodes;
using FilePipeline.States.Execution;

namespace FilePipeline.States.Definition;

internal sealed class PassState : State
{
    public override string Type => "Pass";

    /// <summary>Present when the definition has a Result field (which may be JSON null).</summary>
    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var effective = IO.EffectiveInput(run, input);
        var result = HasResult ? Result?.DeepClone() : IO.Arguments(run, input, effective);
        return ValueTask.FromResult(IO.Complete(run, input, result, Next, HasResult ? ResultKind.Result : ResultKind.Input));
    }
}
