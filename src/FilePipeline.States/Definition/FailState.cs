using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// Ends the execution (or its branch) with an error. ErrorPath/CausePath are reference paths on the
/// raw input or intrinsic functions returning a string (e.g. States.Format).
/// </summary>
internal sealed class FailState : State
{
    public override string Type => "Fail";

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public PayloadTemplate? ErrorPath { get; init; }

    public PayloadTemplate? CausePath { get; init; }

    /// <summary>A one-field template <c>{"value.$": expression}</c>, so paths and intrinsics share one evaluator.</summary>
    public static PayloadTemplate? DynamicField(FieldReader reader, string field)
    {
        var expression = reader.String(field);
        if (expression is null)
        {
            return null;
        }

        if (!expression.StartsWith("States.", StringComparison.Ordinal) && reader.RequiredPath(field, reference: true) is null)
        {
            return null;
        }

        return PayloadTemplate.Create(new JsonObject { ["value.$"] = expression });
    }

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input) =>
        throw new StateErrorException(Resolve(ErrorPath, Error, input, run), Resolve(CausePath, Cause, input, run));

    private static string Resolve(PayloadTemplate? dynamic, string? literal, JsonNode? input, StateRun run)
    {
        if (dynamic is null)
        {
            return literal ?? "";
        }

        var value = dynamic.Evaluate(input, run.ContextFactory, StatesErrors.Runtime)?["value"];
        return JsonValues.TryGetString(value, out var text)
            ? text
            : throw new StateErrorException(StatesErrors.Runtime, $"The ErrorPath/CausePath of Fail state '{run.State.Name}' must resolve to a string, not {JsonValues.TypeName(value)}");
    }
}
