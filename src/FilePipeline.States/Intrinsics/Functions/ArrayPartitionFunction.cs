using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.ArrayPartition(array, chunkSize)</c>: splits the array into chunks of the given
/// size; the last chunk may be shorter. The size is rounded to the nearest integer and must be positive.
/// </summary>
internal sealed class ArrayPartitionFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.ArrayPartition", 2, 2, IntrinsicArgumentTypes.Array, IntrinsicArgumentTypes.Number);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var items = arguments.Array(0);
        var chunkSize = arguments.RoundedInteger(1);
        if (chunkSize <= 0)
        {
            throw arguments.Failure($"the chunk size must be a positive integer, but was {arguments.Describe(1)}");
        }

        var chunks = new JsonArray();
        var chunk = new JsonArray();
        foreach (var item in items.DetachItems())
        {
            chunk.Add(item);
            if (chunk.Count == chunkSize)
            {
                chunks.Add((JsonNode)chunk);
                chunk = [];
            }
        }

        if (chunk.Count > 0)
        {
            chunks.Add((JsonNode)chunk);
        }

        return chunks;
    }
}
