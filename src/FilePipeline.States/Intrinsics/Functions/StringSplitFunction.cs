using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.StringSplit(string, delimiters)</c>: splits at every character of the delimiter
/// string (each one is a delimiter on its own) and drops empty pieces.
/// </summary>
internal sealed class StringSplitFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.StringSplit", 2, 2, IntrinsicArgumentTypes.String, IntrinsicArgumentTypes.String);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var delimiters = arguments.String(1);
        if (delimiters.Length == 0)
        {
            throw arguments.Failure("the delimiter (argument 2) must not be empty");
        }

        var pieces = arguments.String(0).Split(delimiters.ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        return new JsonArray([.. pieces.Select(piece => (JsonNode?)JsonValue.Create(piece))]);
    }
}
