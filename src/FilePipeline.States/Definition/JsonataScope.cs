using System.Text.Json.Nodes;
using FilePipeline.States.Jsonata;
using FilePipeline.States.Json;

#pragma warning disable CA1507 // The string keys are AWS's $states field names, not references to our members.

namespace FilePipeline.States.Definition;

/// <summary>
/// What a JSONata expression in a state can read: <c>$states.input</c>, <c>.result</c> (Task,
/// Parallel, Map outputs), <c>.errorOutput</c> (in a Catcher), <c>.context</c>, the variables in
/// scope as <c>$name</c>, and AWS's added functions. The bindings are built on first use.
/// </summary>
internal sealed class JsonataScope(IStateContext run, JsonNode? input, ResultKind kind = ResultKind.Input, JsonNode? value = null, Func<JsonObject>? context = null)
{
    private JsonataBindings? bindings;

    /// <summary>The <c>$states</c> members to bind: converting values for the evaluator is the costly part.</summary>
    public StatesFields Reads { get; init; } = StatesFields.All;

    public JsonNode? Input => input;

    public IStateContext Run => run;

    /// <summary>Evaluates; undefined or an evaluation error becomes States.QueryEvaluationError for <paramref name="field"/>.</summary>
    public JsonNode? Evaluate(JsonataExpression expression, string field)
    {
        JsonataResult result;
        try
        {
            // The state input is $states.input; like LocalStack (whose recordings match AWS), nothing is bound to $.
            result = expression.Evaluate(JsonataResult.Undefined, bindings ??= Bind(), run.CancellationToken);
        }
        catch (JsonataException e)
        {
            throw Failure(field, $"The JSONata expression '{expression.Text}' specified for the field '{field}' threw an error during evaluation. {e.Code}: {e.Message}");
        }

        return result.IsUndefined
            ? throw Failure(field, $"The JSONata expression '{expression.Text}' specified for the field '{field}' returned nothing (undefined).")
            : result.Value;
    }

    public static StateErrorException Failure(string field, string cause) =>
        new(StatesErrors.QueryEvaluationError, cause) { Location = field };

    private JsonataBindings Bind()
    {
        var states = new JsonObject();
        if (Reads.HasFlag(StatesFields.Input))
        {
            states["input"] = input?.DeepClone();
        }

        if (kind == ResultKind.Result && Reads.HasFlag(StatesFields.Result))
        {
            states["result"] = value?.DeepClone();
        }
        else if (kind == ResultKind.ErrorOutput && Reads.HasFlag(StatesFields.ErrorOutput))
        {
            states["errorOutput"] = value?.DeepClone();
        }

        if (Reads.HasFlag(StatesFields.Context))
        {
            states["context"] = (context ?? run.ContextFactory)();
        }

        var bound = AwsJsonataFunctions.Bindings(run.Time).WithVariable("states", states);
        foreach (var (name, value) in run.Variables.All())
        {
            bound = bound.WithVariable(name, value);
        }

        return bound;
    }
}

/// <summary>The members of <c>$states</c>.</summary>
[Flags]
internal enum StatesFields
{
    None = 0,
    Input = 1,
    Result = 2,
    ErrorOutput = 4,
    Context = 8,
    All = Input | Result | ErrorOutput | Context,
}
