using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.ArrayContains(array, value)</c>: whether the array holds an item equal to the value.</summary>
internal sealed class ArrayContainsFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.ArrayContains", 2, 2, IntrinsicArgumentTypes.Array, IntrinsicArgumentTypes.Any);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services) =>
        JsonValue.Create(arguments.Array(0).Contains(arguments[1], JsonNodeEqualityComparer.Instance));
}
