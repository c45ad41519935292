using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics.Functions;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>A call such as <c>States.ArrayLength($.items)</c>; arguments are evaluated left to right, then type-checked against the signature.</summary>
internal sealed class FunctionCallExpression(IntrinsicFunction function, IReadOnlyList<IntrinsicExpression> arguments) : IntrinsicExpression
{
    public override JsonNode? Evaluate(IntrinsicEnvironment environment)
    {
        var values = new JsonNode?[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i].Evaluate(environment);
        }

        var evaluated = new IntrinsicArguments(function.Signature, arguments, values);
        evaluated.CheckTypes();
        return function.Invoke(evaluated, environment.Services);
    }
}
