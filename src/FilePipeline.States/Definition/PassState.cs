using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>Passes its Result, else its arguments (Parameters), else its input on.</summary>
internal sealed class PassState : State
{
    public override string Type => "Pass";

    /// <summary>Present when the definition has a Result field (which may be JSON null).</summary>
    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public override bool TakesArguments => !HasResult;

    public override ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments) =>
        ValueTask.FromResult(HasResult
            ? new StateWork(Result?.DeepClone(), ResultKind.Result, Next)
            : new StateWork(arguments, ResultKind.Input, Next));
}
