using System.CommandLine;

namespace FilePipeline.Cli.Commands;

/// <summary>Every top-level command; each lives in its own file as a static <c>Create()</c>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        InspectCommand.Create(),
    ];
}
