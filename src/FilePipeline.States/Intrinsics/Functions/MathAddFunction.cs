using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.MathAdd(a, b)</c>: the sum of two integers in the 32-bit range; non-integers are
/// rounded to the nearest integer first.
/// </summary>
internal sealed class MathAddFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.MathAdd", 2, 2, IntrinsicArgumentTypes.Number, IntrinsicArgumentTypes.Number);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services) =>
        JsonValue.Create(Int32Argument(arguments, 0) + Int32Argument(arguments, 1));

    private static long Int32Argument(IntrinsicArguments arguments, int index)
    {
        var value = arguments.RoundedInteger(index);
        return value is >= int.MinValue and <= int.MaxValue
            ? value
            : throw arguments.Failure($"argument {index + 1} must be between {int.MinValue} and {int.MaxValue}, but was {arguments.Describe(index)}");
    }
}
