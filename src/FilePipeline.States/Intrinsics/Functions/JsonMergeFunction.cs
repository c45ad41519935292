using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.JsonMerge(object1, object2, false)</c>: a shallow merge where object2's keys replace
/// object1's. AWS supports only the shallow mode, so a deep-merge flag of <c>true</c> fails.
/// </summary>
internal sealed class JsonMergeFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.JsonMerge", 3, 3, IntrinsicArgumentTypes.Object, IntrinsicArgumentTypes.Object, IntrinsicArgumentTypes.Boolean);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        if (arguments.Boolean(2))
        {
            throw arguments.Failure("deep merging is not supported; the third argument must be false");
        }

        var merged = arguments.Object(0);
        var overrides = arguments.Object(1);
        foreach (var key in overrides.Select(property => property.Key).ToArray())
        {
            var value = overrides[key];
            overrides.Remove(key);
            merged[key] = value;
        }

        return merged;
    }
}
