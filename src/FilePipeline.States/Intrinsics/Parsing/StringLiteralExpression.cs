using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>A single-quoted string literal, escapes resolved.</summary>
/// <param name="value">The literal's value.</param>
/// <param name="placeholderOffsets">Where each unescaped <c>{}</c> starts in <paramref name="value"/>.</param>
internal sealed class StringLiteralExpression(string value, IReadOnlyList<int> placeholderOffsets) : IntrinsicExpression
{
    public IReadOnlyList<int> PlaceholderOffsets => placeholderOffsets;

    public override JsonNode? Evaluate(IntrinsicEnvironment environment) => JsonValue.Create(value);
}
