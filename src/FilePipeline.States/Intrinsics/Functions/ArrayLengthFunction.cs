using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.ArrayLength(array)</c>: the number of items.</summary>
internal sealed class ArrayLengthFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.ArrayLength", 1, 1, IntrinsicArgumentTypes.Array);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services) =>
        JsonValue.Create(arguments.Array(0).Count);
}
