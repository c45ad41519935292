using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Ends the execution (or its branch) with an error; ErrorPath/CausePath read the raw input.</summary>
internal sealed class FailState : State
{
    public override string Type => "Fail";

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public JsonPath? ErrorPath { get; init; }

    public JsonPath? CausePath { get; init; }

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input) =>
        throw new StateErrorException(Resolve(ErrorPath, Error, input, run), Resolve(CausePath, Cause, input, run));

    private static string Resolve(JsonPath? path, string? literal, JsonNode? input, StateRun run)
    {
        if (path is null)
        {
            return literal ?? "";
        }

        var source = path.IsContext ? run.ContextFactory() : input;
        if (path.TrySelect(source, out var value) && JsonValues.TryGetString(value, out var text))
        {
            return text;
        }

        throw new StateErrorException(StatesErrors.Runtime, $"The path '{path.Text}' of the Fail state must select a string from the input");
    }
}
