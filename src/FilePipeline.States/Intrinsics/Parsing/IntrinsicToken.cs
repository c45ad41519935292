namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>One token of an intrinsic invocation.</summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Text">The source text; for a string literal, its value with escapes resolved.</param>
/// <param name="Position">Zero-based offset of the token in the expression, for error messages.</param>
/// <param name="PlaceholderOffsets">
/// For a string literal, where each unescaped <c>{}</c> starts in <paramref name="Text"/>;
/// <c>States.Format</c> fills only those, so <c>\{}</c> stays literal text.
/// </param>
internal readonly record struct IntrinsicToken(
    IntrinsicTokenKind Kind,
    string Text,
    int Position,
    IReadOnlyList<int>? PlaceholderOffsets = null);
