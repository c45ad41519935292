using System.Text.Json.Nodes;
using FilePipeline.States.Definition;

namespace FilePipeline.States.Execution;

/// <summary>
/// AWS's error handling for Task, Parallel and Map: the first Retrier whose ErrorEquals matches
/// decides (until its MaxAttempts are spent), then the first matching Catcher, else the error propagates.
/// </summary>
internal static class RetryCatch
{
    public static async ValueTask<StateResult> RunAsync(StateRun run, JsonNode? rawInput, Func<ValueTask<StateResult>> attempt)
    {
        var (retriers, catchers) = (run.State.Retry, run.State.Catch);
        var attemptsPerRetrier = retriers.Count == 0 ? [] : new int[retriers.Count];
        while (true)
        {
            try
            {
                return await attempt();
            }
            catch (StateErrorException e) when (!run.Execution.Ending)
            {
                var index = IndexOfMatch(retriers.Select(r => r.ErrorEquals), e.Error ?? "");
                if (index >= 0 && attemptsPerRetrier[index] < retriers[index].MaxAttempts)
                {
                    var delay = retriers[index].Delay(attemptsPerRetrier[index], run.Execution.Options.JitterSource);
                    attemptsPerRetrier[index]++;
                    run.RetryCount++;
                    await run.Execution.DelayAsync(delay, run.CancellationToken);
                    continue;
                }

                var catcherIndex = IndexOfMatch(catchers.Select(c => c.ErrorEquals), e.Error ?? "");
                if (catcherIndex < 0)
                {
                    throw;
                }

                var catcher = catchers[catcherIndex];
                return catcher.IO.Complete(run, rawInput, e.ToErrorOutput(), catcher.Next, ResultKind.ErrorOutput);
            }
        }
    }

    private static int IndexOfMatch(IEnumerable<IReadOnlyList<string>> errorEqualsLists, string error)
    {
        var i = 0;
        foreach (var errorEquals in errorEqualsLists)
        {
            if (StatesErrors.Matches(errorEquals, error))
            {
                return i;
            }

            i++;
        }

        return -1;
    }
}
