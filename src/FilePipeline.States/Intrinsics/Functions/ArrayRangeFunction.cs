using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.ArrayRange(first, last, step)</c>: the integers from first towards last (inclusive)
/// by step. Arguments are rounded to the nearest integer; the step must not be zero and the result
/// may hold at most 1000 items.
/// </summary>
internal sealed class ArrayRangeFunction : IntrinsicFunction
{
    public const int MaxItems = 1000;

    public override IntrinsicSignature Signature { get; } = new(
        "States.ArrayRange", 3, 3, IntrinsicArgumentTypes.Number, IntrinsicArgumentTypes.Number, IntrinsicArgumentTypes.Number);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var first = arguments.RoundedInteger(0);
        var last = arguments.RoundedInteger(1);
        var step = arguments.RoundedInteger(2);
        if (step == 0)
        {
            throw arguments.Failure("the step (argument 3) must not be zero");
        }

        // Counted in decimal so extreme bounds cannot overflow before the limit check.
        var span = (decimal)last - first;
        var count = span == 0 || Math.Sign(span) == Math.Sign(step) ? Math.Floor(span / step) + 1 : 0;
        if (count > MaxItems)
        {
            throw arguments.Failure($"the range would have {count} items, more than the {MaxItems} allowed");
        }

        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add((JsonNode)JsonValue.Create(first + (i * step)));
        }

        return array;
    }
}
