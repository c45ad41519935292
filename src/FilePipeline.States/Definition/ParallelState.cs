using System.Text.Json.Nodes;
using FilePipeline.States.History;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Runs every branch on the same input concurrently; the output is the array of branch outputs.</summary>
internal sealed class ParallelState : State
{
    public override string Type => "Parallel";

    public required IReadOnlyList<StateBlock> Branches { get; init; }

    public override bool CanRetry => true;

    public override bool TakesArguments => true;

    public override async ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments)
    {
        var startedId = run.Record("ParallelStateStarted", null);
        var branches = Branches.Select(branch => (Func<CancellationToken, Task<JsonNode?>>)(ct =>
            run.RunBlockAsync(branch, arguments?.DeepClone(), new EventCursor(startedId), run.Variables.CreateInner(), ct)));
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
        return new StateWork(result, ResultKind.Result, Next);
    }
}
