using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.History;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Runs every branch on the same input concurrently; the output is the array of branch outputs.</summary>
internal sealed class ParallelState : State
{
    public override string Type => "Parallel";

    public required IReadOnlyList<StateBlock> Branches { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override bool CanRetry => true;

    public override IEnumerable<string> Transitions => base.Transitions.Concat(Catch.Select(c => c.Next));

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var effective = IO.EffectiveInput(run, input);
        return RetryCatch.RunAsync(run, input, Retry, Catch, () => AttemptAsync(run, input, effective));
    }

    private async ValueTask<StateResult> AttemptAsync(StateRun run, JsonNode? input, JsonNode? effective)
    {
        var branchInput = IO.Arguments(run, input, effective);
        var startedId = run.Record("ParallelStateStarted", null);
        var branches = Branches.Select(branch => (Func<CancellationToken, Task<JsonNode?>>)(ct =>
            run.Execution.RunBlockAsync(branch, branchInput?.DeepClone(), new EventCursor(startedId), run.Variables.CreateInner(), ct)));
        JsonNode? result;
        try
        {
            result = new JsonArray([.. await BranchResults.WhenAllOrFirstFailure(branches, run.CancellationToken)]);
        }
        catch (StateErrorException)
        {
            run.Record("ParallelStateFailed", null);
            throw;
        }

        run.Record("ParallelStateSucceeded", null);
        return IO.Complete(run, input, result, Next);
    }
}
