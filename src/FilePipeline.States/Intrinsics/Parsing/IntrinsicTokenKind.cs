namespace FilePipeline.States.Intrinsics.Parsing;

internal enum IntrinsicTokenKind
{
    FunctionName,
    OpenParenthesis,
    CloseParenthesis,
    Comma,
    String,
    Number,
    True,
    False,
    Null,
    Path,
    End,
}
