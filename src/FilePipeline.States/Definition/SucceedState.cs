using System.Text.Json.Nodes;
using FilePipeline.States.Execution;

namespace FilePipeline.States.Definition;

internal sealed class SucceedState : State
{
    public override string Type => "Succeed";

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input) =>
        ValueTask.FromResult(IO.Complete(run, input, IO.EffectiveInput(run, input), null, ResultKind.Input));
}
