using System.Diagnostics.CodeAnalysis;

namespace FilePipeline.Cli.Inspection;

/// <summary>Reads <c>--delimiter</c>: one ASCII character, or <c>\t</c> / <c>tab</c> since a tab is awkward to type.</summary>
internal static class DelimiterParser
{
    public static bool TryParse(string text, out char delimiter, [NotNullWhen(false)] out string? problem)
    {
        delimiter = text switch
        {
            "\\t" or "tab" => '\t',
            { Length: 1 } => text[0],
            _ => '\0',
        };
        problem = delimiter switch
        {
            '\0' => $"--delimiter must be a single character, not '{text}'.",
            '"' or '\r' or '\n' => "--delimiter cannot be a quote or a line break.",
            _ when !char.IsAscii(delimiter) => $"--delimiter must be an ASCII character, not '{text}'.",
            _ => null,
        };
        return problem is null;
    }
}
