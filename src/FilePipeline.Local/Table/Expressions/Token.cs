namespace FilePipeline.Local.Table.Expressions;

internal enum TokenKind
{
    Name,
    NamePlaceholder,
    ValuePlaceholder,
    Integer,
    Symbol,
    End,
}

/// <summary>One lexical token of an expression, with its place in the source for error messages.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start)
{
    public int End => Start + Text.Length;

    public bool IsSymbol(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>Keywords (AND, SET, BETWEEN, …) are case-insensitive; function names are not.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
