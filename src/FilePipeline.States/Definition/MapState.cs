using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.History;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// Inline Map: runs ItemProcessor for each element of ItemsPath (ItemSelector shapes each input,
/// with <c>$$.Map.Item</c>), at most MaxConcurrency at a time; the output is the array of results.
/// </summary>
internal sealed class MapState : State
{
    public override string Type => "Map";

    public required StateBlock ItemProcessor { get; init; }

    public JsonPath ItemsPath { get; init; } = JsonPath.Parse("$");

    public PayloadTemplate? ItemSelector { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public NullablePath ResultPath { get; init; } = NullablePath.Root;

    public int MaxConcurrency { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    public override IEnumerable<string> Transitions => base.Transitions.Concat(Catch.Select(c => c.Next));

    private bool ToleratesFailures => ToleratedFailureCount is not null || ToleratedFailurePercentage is not null;

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var effective = InputPath.Select(input);
        return RetryCatch.RunAsync(run, input, Retry, Catch, () => AttemptAsync(run, input, effective));
    }

    private async ValueTask<StateResult> AttemptAsync(StateRun run, JsonNode? input, JsonNode? effective)
    {
        if (!ItemsPath.TrySelect(effective, out var selected) || selected is not JsonArray items)
        {
            throw new StateErrorException(StatesErrors.Runtime, $"Invalid path '{ItemsPath.Text}': the Map state's ItemsPath must select a JSON array");
        }

        var startedId = run.Record("MapStateStarted", () => new JsonObject { ["length"] = items.Count });
        using var slots = MaxConcurrency > 0 ? new SemaphoreSlim(MaxConcurrency) : null;
        var failures = 0;
        var iterations = items.Select((item, index) => (Func<CancellationToken, Task<JsonNode?>>)(async ct =>
        {
            if (slots is not null)
            {
                await slots.WaitAsync(ct);
            }

            try
            {
                return await RunIterationAsync(run, effective, item, index, new EventCursor(startedId), ct);
            }
            catch (StateErrorException e) when (ToleratesFailures && e.Error != StatesErrors.Runtime)
            {
                Interlocked.Increment(ref failures);
                return new JsonObject { ["Error"] = e.Error, ["Cause"] = e.Cause };
            }
            finally
            {
                slots?.Release();
            }
        }));

        JsonNode? result;
        try
        {
            result = new JsonArray([.. await BranchResults.WhenAllOrFirstFailure(iterations, run.CancellationToken)]);
            ThrowIfFailuresExceedTolerance(failures, items.Count);
        }
        catch (StateErrorException)
        {
            run.Record("MapStateFailed", null);
            throw;
        }

        run.Record("MapStateSucceeded", null);
        if (ResultSelector is not null)
        {
            result = ResultSelector.Evaluate(result, run.ContextFactory);
        }

        return new StateResult(OutputPath.Select(ResultPath.Merge(input, result)), Next);
    }

    private async Task<JsonNode?> RunIterationAsync(StateRun run, JsonNode? effective, JsonNode? item, int index, EventCursor cursor, CancellationToken ct)
    {
        var iterationInput = ItemSelector is null
            ? item?.DeepClone()
            : ItemSelector.Evaluate(effective, () => run.BuildContext(new JsonObject { ["Index"] = index, ["Value"] = item?.DeepClone() }));
        JsonObject Details() => new() { ["name"] = Name, ["index"] = index };
        run.Execution.Recorder.Record(cursor, "MapIterationStarted", Details);
        try
        {
            var output = await run.Execution.RunBlockAsync(ItemProcessor, iterationInput, cursor, ct);
            run.Execution.Recorder.Record(cursor, "MapIterationSucceeded", Details);
            return output;
        }
        catch (StateErrorException)
        {
            run.Execution.Recorder.Record(cursor, "MapIterationFailed", Details);
            throw;
        }
    }

    private void ThrowIfFailuresExceedTolerance(int failures, int total)
    {
        if (failures == 0)
        {
            return;
        }

        var overCount = ToleratedFailureCount is { } count && failures > count;
        var overPercentage = ToleratedFailurePercentage is { } percentage && failures * 100.0 / total > percentage;
        if (overCount || overPercentage)
        {
            throw new StateErrorException(
                StatesErrors.ExceedToleratedFailureThreshold,
                $"The specified tolerated failure threshold was exceeded: {failures} of {total} iterations failed");
        }
    }
}
