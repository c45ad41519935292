using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>One <c>States.*</c> intrinsic. Arity and argument types are checked from <see cref="Signature"/> before <see cref="Invoke"/> runs.</summary>
internal abstract class IntrinsicFunction
{
    public abstract IntrinsicSignature Signature { get; }

    public abstract JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services);
}
