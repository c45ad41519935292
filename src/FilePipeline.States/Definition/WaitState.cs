using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Waits Seconds, until Timestamp, or for the SecondsPath/TimestampPath value of the effective input.</summary>
internal sealed class WaitState : State
{
    public override string Type => "Wait";

    public int? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPath? SecondsPath { get; init; }

    public JsonPath? TimestampPath { get; init; }

    public override async ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var effective = InputPath.Select(input);
        var delay = DelayFor(effective, run);
        if (delay > TimeSpan.Zero)
        {
            await run.Execution.DelayAsync(delay, run.CancellationToken);
        }

        return new StateResult(OutputPath.Select(effective), Next);
    }

    private TimeSpan DelayFor(JsonNode? effective, StateRun run)
    {
        if (Seconds is { } seconds)
        {
            return ExecutionLimits.FromSeconds(seconds);
        }

        if (Timestamp is { } timestamp)
        {
            return timestamp - run.Execution.Time.GetUtcNow();
        }

        if (SecondsPath is not null)
        {
            var value = Select(SecondsPath, effective, run);
            return JsonValues.TryGetNumber(value, out var number) && number >= 0 && number == Math.Floor(number)
                ? ExecutionLimits.FromSeconds(number)
                : throw new StateErrorException(StatesErrors.Runtime, $"The SecondsPath parameter does not reference a valid non-negative integer: {JsonValues.ToJson(value)}");
        }

        var text = Select(TimestampPath!, effective, run);
        return JsonValues.TryGetString(text, out var s) && DataTestRule.TryParseTimestamp(s, out var until)
            ? until - run.Execution.Time.GetUtcNow()
            : throw new StateErrorException(StatesErrors.Runtime, $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {JsonValues.ToJson(text)}");
    }

    private static JsonNode? Select(JsonPath path, JsonNode? effective, StateRun run) =>
        path.TrySelect(path.IsContext ? run.ContextFactory() : effective, out var value)
            ? value
            : throw new StateErrorException(StatesErrors.Runtime, $"Invalid path '{path.Text}' : No results for path: {path.Text}");
}
