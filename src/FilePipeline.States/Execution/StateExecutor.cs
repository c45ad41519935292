using System.Text.Json.Nodes;
using FilePipeline.States.Definition;

namespace FilePipeline.States.Execution;

/// <summary>
/// Runs one state the same way whatever its type: the effective input (InputPath), then per attempt
/// the arguments (Parameters or Arguments), the state's own work, and the output (ResultSelector,
/// Assign, ResultPath, OutputPath or Output), with Retry and Catch around the attempts.
/// </summary>
internal static class StateExecutor
{
    public static ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? rawInput)
    {
        var state = run.State;
        var effective = state.IO.EffectiveInput(run, rawInput);
        return state.Retry.Count == 0 && state.Catch.Count == 0
            ? AttemptAsync(run, rawInput, effective)
            : RetryCatch.RunAsync(run, rawInput, () => AttemptAsync(run, rawInput, effective));
    }

    private static async ValueTask<StateResult> AttemptAsync(StateRun run, JsonNode? rawInput, JsonNode? effective)
    {
        var state = run.State;
        var arguments = state.TakesArguments ? state.IO.Arguments(run, rawInput, effective) : null;
        var work = await state.WorkAsync(run, effective, arguments);
        return (work.IO ?? state.IO).Complete(run, rawInput, work.Value, work.Next, work.Kind, work.Assign);
    }
}
