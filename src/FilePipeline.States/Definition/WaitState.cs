using System.Globalization;
using System.Text.Json.Nodes;
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

    /// <summary>JSONata: Seconds or Timestamp given as a <c>{% %}</c> expression.</summary>
    public JsonataTemplate? SecondsExpression { get; init; }

    public JsonataTemplate? TimestampExpression { get; init; }

    public override async ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments)
    {
        var delay = DelayFor(input, run);
        if (delay > TimeSpan.Zero)
        {
            await run.DelayAsync(delay, run.CancellationToken);
        }

        return new StateWork(input, ResultKind.Input, Next);
    }

    // The cause texts are AWS's, as recorded for each kind of bad value.
    private TimeSpan DelayFor(JsonNode? effective, IStateContext run)
    {
        if (Seconds is { } seconds)
        {
            return ExecutionLimits.FromSeconds(seconds);
        }

        if (Timestamp is { } timestamp)
        {
            return timestamp - run.Time.GetUtcNow();
        }

        if (SecondsExpression is not null)
        {
            var value = SecondsExpression.Evaluate(new JsonataScope(run, effective) { Reads = SecondsExpression.Reads }, "Seconds");
            return JsonValues.TryGetNumber(value, out var number) && number >= 0 && number == Math.Floor(number) && number <= 99_999_999
                ? ExecutionLimits.FromSeconds(number)
                : throw JsonataScope.Failure("Seconds", $"The Seconds field must be a non-negative integer, but was: {JsonValues.ToJson(value)}");
        }

        if (TimestampExpression is not null)
        {
            var value = TimestampExpression.Evaluate(new JsonataScope(run, effective) { Reads = TimestampExpression.Reads }, "Timestamp");
            return JsonValues.TryGetString(value, out var evaluated) && DataTestRule.TryParseTimestamp(evaluated, out var at)
                ? at - run.Time.GetUtcNow()
                : throw JsonataScope.Failure("Timestamp", $"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {Display(value)}");
        }

        if (SecondsPath is not null)
        {
            var value = Select(SecondsPath, "SecondsPath", effective, run);
            if (!JsonValues.TryGetNumber(value, out var number) || number != Math.Floor(number))
            {
                throw new StateErrorException(StatesErrors.Runtime, $"The SecondsPath parameter cannot be parsed as a long value: {SecondsPath.Text} == {Display(value)}");
            }

            return number < 0
                ? throw new StateErrorException(StatesErrors.Runtime, $"The SecondsPath parameter references a negative value: {SecondsPath.Text} == {Display(value)}")
                : ExecutionLimits.FromSeconds(number);
        }

        var text = Select(TimestampPath!, "TimestampPath", effective, run);
        return JsonValues.TryGetString(text, out var s) && DataTestRule.TryParseTimestamp(s, out var until)
            ? until - run.Time.GetUtcNow()
            : throw new StateErrorException(StatesErrors.Runtime, $"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {TimestampPath!.Text} == {Display(text)}");
    }

    private static JsonNode? Select(JsonPath path, string field, JsonNode? effective, IStateContext run) =>
        path.TrySelect(effective, run.Roots, out var value)
            ? value
            : throw new StateErrorException(StatesErrors.Runtime, $"The {field} parameter does not reference an input value: {path.Text}");

    /// <summary>A value as AWS prints it after <c>==</c>: strings without quotes.</summary>
    private static string Display(JsonNode? value) =>
        JsonValues.TryGetString(value, out var text) ? text
        : JsonValues.TryGetNumber(value, out var number) ? number.ToString(CultureInfo.InvariantCulture)
        : JsonValues.ToJson(value);
}
