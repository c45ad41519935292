using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.Base64Encode(string)</c>: the UTF-8 bytes of a string of up to 10,000 characters, Base64 encoded (no line breaks).</summary>
internal sealed class Base64EncodeFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.Base64Encode", 1, 1, IntrinsicArgumentTypes.String);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services) =>
        JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(InputLimit.Check(arguments, 0))));
}
