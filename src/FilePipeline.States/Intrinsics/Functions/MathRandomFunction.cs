using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.MathRandom(start, end[, seed])</c>: a random integer from start (inclusive) to end
/// (exclusive). Bounds are rounded to the nearest integer. The same seed always gives the same number.
/// </summary>
internal sealed class MathRandomFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.MathRandom", 2, 3, IntrinsicArgumentTypes.Number, IntrinsicArgumentTypes.Number, IntrinsicArgumentTypes.Number);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var start = arguments.RoundedInteger(0);
        var end = arguments.RoundedInteger(1);
        if (start >= end)
        {
            throw arguments.Failure($"the start ({start}) must be less than the end ({end})");
        }

        var random = arguments.Count == 3 ? SeededRandom(arguments.RoundedInteger(2)) : services.Random;
        return JsonValue.Create(random.NextInt64(start, end));
    }

    // System.Random takes a 32-bit seed; fold the 64-bit value so every bit of it counts.
    private static Random SeededRandom(long seed) => new((int)(seed ^ (seed >> 32)));
}
