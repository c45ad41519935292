using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.JsonToString(value)</c>: the value as compact JSON text.</summary>
internal sealed class JsonToStringFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.JsonToString", 1, 1, IntrinsicArgumentTypes.Any);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services) =>
        JsonValue.Create(CompactJson.Write(arguments[0]));
}
