using System.IO.Enumeration;
using FilePipeline.Host.Template;

namespace FilePipeline.Host.Faults;

/// <summary>
/// <c>fail=FUNCTION[,times=N][,key=GLOB]</c>: the function throws a transient
/// StorageUnavailableException before doing anything; always, or its first N matching invocations,
/// or only for object keys matching the glob (<c>*</c> and <c>?</c>).
/// </summary>
public sealed record FunctionFault(string Function, int? Times, string? KeyPattern)
{
    public bool Matches(FunctionDefinition function, Lazy<string?> key) =>
        (function.IsNamed(Function) || function.Handler == Function)
        && (KeyPattern is null || (key.Value is { } objectKey && FileSystemName.MatchesSimpleExpression(KeyPattern, objectKey, ignoreCase: false)));
}
