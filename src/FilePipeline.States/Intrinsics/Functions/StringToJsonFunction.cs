using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.StringToJson(string)</c>: parses the string as JSON.</summary>
internal sealed class StringToJsonFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.StringToJson", 1, 1, IntrinsicArgumentTypes.String);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        try
        {
            return JsonNode.Parse(arguments.String(0));
        }
        catch (JsonException e)
        {
            throw arguments.Failure($"the argument is not valid JSON ({e.Message})");
        }
    }
}
