namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>The documented input size limit of Base64Encode, Base64Decode and Hash.</summary>
internal static class InputLimit
{
    public const int MaxCharacters = 10_000;

    public static string Check(IntrinsicArguments arguments, int index)
    {
        var text = arguments.String(index);
        return text.Length <= MaxCharacters
            ? text
            : throw arguments.Failure($"argument {index + 1} has {text.Length} characters, more than the {MaxCharacters} allowed");
    }
}
