using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary><c>States.UUID()</c>: a new version 4 UUID in lowercase 8-4-4-4-12 form.</summary>
internal sealed class UuidFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new("States.UUID", 0, 0);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services) =>
        JsonValue.Create(services.NewGuid().ToString("D"));
}
