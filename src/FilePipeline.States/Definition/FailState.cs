using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// Ends the execution (or its branch) with an error. ErrorPath/CausePath are reference paths on the
/// raw input, the context object or a variable, or intrinsic functions returning a string (e.g.
/// States.Format). Without Error or Cause the failure has no such field, as on AWS.
/// </summary>
internal sealed class FailState : State
{
    public override string Type => "Fail";

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public DynamicField? ErrorPath { get; init; }

    public DynamicField? CausePath { get; init; }

    /// <summary>JSONata: Error and Cause given as <c>{% %}</c> expressions.</summary>
    public JsonataTemplate? ErrorExpression { get; init; }

    public JsonataTemplate? CauseExpression { get; init; }

    public override ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments) =>
        throw new StateErrorException(
            ErrorPath?.Resolve(input, run) ?? Evaluate(ErrorExpression, "Error", input, run) ?? Error,
            CausePath?.Resolve(input, run) ?? Evaluate(CauseExpression, "Cause", input, run) ?? Cause);

    private static string? Evaluate(JsonataTemplate? expression, string field, JsonNode? input, IStateContext run)
    {
        if (expression is null)
        {
            return null;
        }

        var value = expression.Evaluate(new JsonataScope(run, input) { Reads = expression.Reads }, field);
        return JsonValues.TryGetString(value, out var text)
            ? text
            : throw JsonataScope.Failure(field, $"The {field} of Fail state '{run.State.Name}' must evaluate to a string, not {JsonValues.TypeName(value)}");
    }

    /// <summary>An ErrorPath or CausePath: a path, or an intrinsic function evaluated as a one-field template.</summary>
    internal sealed class DynamicField(string field, JsonPath? path, PayloadTemplate? intrinsic)
    {
        public static DynamicField? Read(FieldReader reader, string field)
        {
            var expression = reader.String(field);
            if (expression is null)
            {
                return null;
            }

            if (expression.StartsWith("States.", StringComparison.Ordinal))
            {
                return new DynamicField(field, null, PayloadTemplate.Create(new JsonObject { [field + ".$"] = expression }));
            }

            var path = reader.RequiredPath(field, reference: true);
            return path is null ? null : new DynamicField(field, path, null);
        }

        public string Resolve(JsonNode? input, IStateContext run)
        {
            JsonNode? value;
            if (path is null)
            {
                value = intrinsic!.Evaluate(input, run.Roots, StatesErrors.Runtime)?[field];
            }
            else if (!path.TrySelect(input, run.Roots, out value))
            {
                throw new StateErrorException(
                    StatesErrors.Runtime,
                    $"The JSONPath '{path.Text}' specified for the field '{field}' could not be found in the input '{JsonValues.ToJson(input)}'");
            }

            return JsonValues.TryGetString(value, out var text)
                ? text
                : throw new StateErrorException(StatesErrors.Runtime, $"The {field} of Fail state '{run.State.Name}' must resolve to a string, not {JsonValues.TypeName(value)}");
        }
    }
}
