namespace FilePipeline.States.Jsonata;

internal enum TokenKind
{
    End,
    Name,
    Variable,
    Operator,
    String,
    Number,
    Value,
    Regex,
}

/// <summary>One token of a JSONata expression; <see cref="Value"/> holds the operator text, name, literal or pattern.</summary>
internal sealed record Token(TokenKind Kind, object? Value, int Position)
{
    public string Text => Value as string ?? string.Empty;
}
