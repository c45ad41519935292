using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.Base64Decode(string)</c>: decodes Base64 of up to 10,000 characters into a UTF-8 string.</summary>
internal sealed class Base64DecodeFunction : IntrinsicFunction
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override IntrinsicSignature Signature { get; } = new("States.Base64Decode", 1, 1, IntrinsicArgumentTypes.String);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var encoded = InputLimit.Check(arguments, 0);
        try
        {
            return JsonValue.Create(StrictUtf8.GetString(Convert.FromBase64String(encoded)));
        }
        catch (FormatException)
        {
            throw arguments.Failure("the argument is not valid Base64");
        }
        catch (DecoderFallbackException)
        {
            throw arguments.Failure("the decoded bytes are not UTF-8 text");
        }
    }
}
