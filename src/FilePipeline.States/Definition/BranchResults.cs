using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>Runs branches or iterations concurrently; the first failure cancels the others and is rethrown.</summary>
internal static class BranchResults
{
    public static async Task<JsonNode?[]> WhenAllOrFirstFailure(
        IEnumerable<Func<CancellationToken, Task<JsonNode?>>> branches, CancellationToken cancellationToken)
    {
        using var cancelOthers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        StateErrorException? first = null;

        async Task<JsonNode?> Guard(Func<CancellationToken, Task<JsonNode?>> branch)
        {
            try
            {
                return await branch(cancelOthers.Token);
            }
            catch (StateErrorException e)
            {
                Interlocked.CompareExchange(ref first, e, null);
                cancelOthers.Cancel();
                throw;
            }
        }

        try
        {
            return await Task.WhenAll(branches.Select(Guard).ToList());
        }
        catch (Exception) when (first is not null && !cancellationToken.IsCancellationRequested)
        {
            ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }
}
