using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>Ends its block with its input.</summary>
internal sealed class SucceedState : State
{
    public override string Type => "Succeed";

    public override ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments) =>
        ValueTask.FromResult(new StateWork(input, ResultKind.Input, null));
}
