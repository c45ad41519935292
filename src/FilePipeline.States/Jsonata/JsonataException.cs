namespace FilePipeline.States.Jsonata;

/// <summary>
/// A JSONata expression failed to compile or to evaluate. <see cref="Code"/> is the reference
/// implementation's error code: <c>S0xxx</c> for syntax errors (thrown by
/// <see cref="JsonataExpression.Compile"/>), <c>T0xxx</c>/<c>T1xxx</c>/<c>T2xxx</c> for type errors and
/// <c>D1xxx</c>/<c>D2xxx</c>/<c>D3xxx</c> for dynamic errors (thrown by
/// <see cref="JsonataExpression.Evaluate"/>). <see cref="Exception.Message"/> is a sentence fit to show to a
/// user (AWS Step Functions puts it in the cause of <c>States.QueryEvaluationError</c>).
/// </summary>
public sealed class JsonataException : Exception
{
    public JsonataException()
        : this("D0000", "JSONata evaluation failed")
    {
    }

    public JsonataException(string message)
        : this("D0000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "D0000";
    }

    /// <summary>Creates an error with a reference error code, a message and the character offset it refers to.</summary>
    public JsonataException(string code, string message, int? position = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Position = position;
    }

    /// <summary>The reference implementation's error code, e.g. <c>S0201</c>, <c>T2001</c>, <c>D3001</c>.</summary>
    public string Code { get; }

    /// <summary>The character offset in the expression the error refers to, when known.</summary>
    public int? Position { get; }

    /// <summary>The token (operator or function name) the error refers to, when known.</summary>
    public string? Token { get; init; }
}
