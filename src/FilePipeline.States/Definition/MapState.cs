using System.Text.Json.Nodes;
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

    public int MaxConcurrency { get; init; }

    /// <summary>JSONata: the items (an array or a <c>{% %}</c> expression; default the state input).</summary>
    public JsonataTemplate? Items { get; init; }

    /// <summary>JSONata: each item's input, with <c>$states.context.Map.Item</c>.</summary>
    public JsonataTemplate? JsonataItemSelector { get; init; }

    public JsonataTemplate? MaxConcurrencyExpression { get; init; }

    private bool IsJsonata => IO is JsonataIO;

    public JsonPath? MaxConcurrencyPath { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public override bool CanRetry => true;

    private bool ToleratesFailures => ToleratedFailureCount is not null || ToleratedFailurePercentage is not null;

    public override async ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments)
    {
        var items = SelectItems(run, input);
        var maxConcurrency = ResolveMaxConcurrency(input, run);
        var startedId = run.Record("MapStateStarted", () => new JsonObject { ["length"] = items.Count });
        using var slots = maxConcurrency > 0 ? new SemaphoreSlim(maxConcurrency) : null;
        var failures = 0;
        var iterations = items.Select((item, index) => (Func<CancellationToken, Task<JsonNode?>>)(async ct =>
        {
            if (slots is not null)
            {
                await slots.WaitAsync(ct);
            }

            try
            {
                return await RunIterationAsync(run, input, item, index, new EventCursor(startedId), ct);
            }
            catch (StateErrorException e) when (ToleratesFailures && e.Error != StatesErrors.Runtime)
            {
                Interlocked.Increment(ref failures);
                return e.ToErrorOutput();
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
        return new StateWork(result, ResultKind.Result, Next);
    }

    /// <summary>ItemsPath (JSONPath) or Items (JSONata), with AWS's recorded error texts.</summary>
    private JsonArray SelectItems(IStateContext run, JsonNode? effective)
    {
        if (!IsJsonata)
        {
            return ItemsPath.TrySelect(effective, run.Roots, out var selected) && selected is JsonArray array
                ? array
                : throw new StateErrorException(StatesErrors.Runtime, $"Invalid path '{ItemsPath.Text}': the Map state's ItemsPath must select a JSON array");
        }

        if (Items is null)
        {
            return effective as JsonArray
                ?? throw JsonataScope.Failure("Items", $"Map state input must be an array but was: {JsonValues.ToJson(effective)}");
        }

        var items = Items.Evaluate(new JsonataScope(run, effective) { Reads = Items.Reads }, "Items");
        return items as JsonArray ?? throw JsonataScope.Failure(
            "Items",
            $"The JSONata expression '{Items.ExpressionText}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '{JsonValues.TypeName(items)}' for value: {JsonValues.ToJson(items)}");
    }

    /// <summary>MaxConcurrencyPath's value: an integer, or a string holding one (both run on AWS).</summary>
    private int ResolveMaxConcurrency(JsonNode? effective, IStateContext run)
    {
        if (MaxConcurrencyExpression is not null)
        {
            var limit = MaxConcurrencyExpression.Evaluate(new JsonataScope(run, effective) { Reads = MaxConcurrencyExpression.Reads }, "MaxConcurrency");
            return JsonValues.TryGetNumber(limit, out var count) && count >= 0 && count == Math.Floor(count) && count <= int.MaxValue
                ? (int)count
                : throw JsonataScope.Failure("MaxConcurrency", $"The MaxConcurrency field must be a non-negative integer, but was: {JsonValues.ToJson(limit)}");
        }

        if (MaxConcurrencyPath is null)
        {
            return MaxConcurrency;
        }

        if (!MaxConcurrencyPath.TrySelect(effective, run.Roots, out var value))
        {
            throw new StateErrorException(StatesErrors.Runtime, $"Invalid path '{MaxConcurrencyPath.Text}' : {MaxConcurrencyPath.DescribeMiss(effective, run.Roots)}");
        }

        var number = JsonValues.TryGetNumber(value, out var n) ? n
            : JsonValues.TryGetString(value, out var text) && double.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out n) ? n
            : -1;
        return number >= 0 && number == Math.Floor(number) && number <= int.MaxValue
            ? (int)number
            : throw new StateErrorException(StatesErrors.Runtime, $"The MaxConcurrencyPath field refers to value \"{(JsonValues.TryGetString(value, out var s) ? s : JsonValues.ToJson(value))}\" which is not a valid integer: {MaxConcurrencyPath.Text}");
    }

    private async Task<JsonNode?> RunIterationAsync(IStateContext run, JsonNode? effective, JsonNode? item, int index, EventCursor cursor, CancellationToken ct)
    {
        JsonObject Context() => run.BuildContext(new JsonObject { ["Index"] = index, ["Value"] = item?.DeepClone() });
        var iterationInput = ItemSelector is not null ? ItemSelector.Evaluate(effective, run.Roots.WithContext(Context))
            : JsonataItemSelector is not null ? JsonataItemSelector.Evaluate(new JsonataScope(run, effective, context: Context) { Reads = JsonataItemSelector.Reads }, "ItemSelector")
            : item?.DeepClone();
        JsonObject Details() => new() { ["name"] = Name, ["index"] = index };
        run.Record(cursor, "MapIterationStarted", Details);
        try
        {
            var output = await run.RunBlockAsync(ItemProcessor, iterationInput, cursor, run.Variables.CreateInner(), ct);
            run.Record(cursor, "MapIterationSucceeded", Details);
            return output;
        }
        catch (StateErrorException)
        {
            run.Record(cursor, "MapIterationFailed", Details);
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
