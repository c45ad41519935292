using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.Array(values...)</c>: a JSON array of the arguments, in order.</summary>
internal sealed class ArrayFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.Array", 0, IntrinsicSignature.Unbounded, IntrinsicArgumentTypes.Any);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var array = new JsonArray();
        for (var i = 0; i < arguments.Count; i++)
        {
            array.Add(arguments[i]);
        }

        return array;
    }
}
