namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// The declared shape of an intrinsic: its name, how many arguments it takes and the types each
/// may have. When there are more arguments than <see cref="ArgumentTypes"/>, the last entry
/// applies to the rest (variadic functions).
/// </summary>
internal sealed record IntrinsicSignature(string Name, int MinArguments, int MaxArguments, params IntrinsicArgumentTypes[] ArgumentTypes)
{
    public const int Unbounded = int.MaxValue;

    public IntrinsicArgumentTypes TypesOf(int index) =>
        ArgumentTypes.Length == 0 ? IntrinsicArgumentTypes.None : ArgumentTypes[Math.Min(index, ArgumentTypes.Length - 1)];

    public string DescribeArity() => (MinArguments, MaxArguments) switch
    {
        var (min, max) when min == max => $"exactly {min} argument{(min == 1 ? string.Empty : "s")}",
        (var min, Unbounded) => $"at least {min} argument{(min == 1 ? string.Empty : "s")}",
        var (min, max) => $"{min} to {max} arguments",
    };
}
