using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.ArrayGetItem(array, index)</c>: the item at a zero-based index inside the array.</summary>
internal sealed class ArrayGetItemFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.ArrayGetItem", 2, 2, IntrinsicArgumentTypes.Array, IntrinsicArgumentTypes.Number);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var items = arguments.Array(0);
        var index = arguments.Integer(1);
        if (index < 0 || index >= items.Count)
        {
            throw arguments.Failure($"the index {index} is out of bounds for an array of {items.Count} item(s)");
        }

        return items.DetachItems()[index];
    }
}
