using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.ArrayUnique(array)</c>: the array without repeated items, keeping each first occurrence in order.</summary>
internal sealed class ArrayUniqueFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.ArrayUnique", 1, 1, IntrinsicArgumentTypes.Array);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var seen = new HashSet<JsonNode?>(JsonNodeEqualityComparer.Instance);
        var unique = new JsonArray();
        foreach (var item in arguments.Array(0).DetachItems())
        {
            if (seen.Add(item))
            {
                unique.Add(item);
            }
        }

        return unique;
    }
}
