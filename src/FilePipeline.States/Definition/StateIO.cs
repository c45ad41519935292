using System.Text.Json.Nodes;
using FilePipeline.States.Variables;

namespace FilePipeline.States.Definition;

/// <summary>
/// A state's input and output processing in its query language, the one place every state type
/// goes through: the effective input, the arguments its work receives, then the output and the
/// variables it assigns from the result (or, in a Catcher, from the error output).
/// </summary>
internal abstract class StateIO
{
    public AssignField? Assign { get; init; }

    /// <summary>The input the state works on (JSONPath: after InputPath; JSONata: the raw input).</summary>
    public abstract JsonNode? EffectiveInput(IStateContext run, JsonNode? rawInput);

    /// <summary>What the state's work receives (JSONPath: Parameters; JSONata: Arguments); a fresh copy.</summary>
    public abstract JsonNode? Arguments(IStateContext run, JsonNode? rawInput, JsonNode? effectiveInput);

    /// <summary>
    /// Ends the state: evaluates Assign (or the matched Choice rule's <paramref name="assign"/>) and
    /// the output from <paramref name="value"/>. Variables are applied only after the state exits,
    /// so this state's own paths still see the old values.
    /// </summary>
    public StateResult Complete(IStateContext run, JsonNode? rawInput, JsonNode? value, string? next, ResultKind kind = ResultKind.Result, AssignField? assign = null)
    {
        var selected = SelectResult(run, value, kind);
        VariableAssignment? assigned = null;
        if ((assign ?? Assign) is { } field)
        {
            assigned = VariableAssignment.From(field.Evaluate(run, rawInput, selected, kind));
            run.Variables.Check(assigned);
        }

        return new StateResult(Output(run, rawInput, selected, kind), next, assigned);
    }

    /// <summary>JSONPath's ResultSelector; the value unchanged in JSONata.</summary>
    protected abstract JsonNode? SelectResult(IStateContext run, JsonNode? value, ResultKind kind);

    protected abstract JsonNode? Output(IStateContext run, JsonNode? rawInput, JsonNode? value, ResultKind kind);
}

/// <summary>What the value given to <see cref="StateIO.Complete"/> is: the state's input (Pass, Choice, Wait, Succeed), its work's result, or a Catcher's error output.</summary>
internal enum ResultKind
{
    Input,
    Result,
    ErrorOutput,
}

/// <summary>An Assign field in its query language: evaluates to an object of variable names and values.</summary>
internal abstract class AssignField
{
    public abstract JsonObject Evaluate(IStateContext run, JsonNode? rawInput, JsonNode? value, ResultKind kind);
}
