using System.CommandLine;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Commands;

/// <summary>Every top-level command; each lives in its own file as a static <c>Create()</c>.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All() => All(CliEnvironment.Process);

    /// <summary>The commands, with the pipeline commands reading <paramref name="environment"/> (tests pass their own).</summary>
    public static IEnumerable<Command> All(CliEnvironment environment) =>
    [
        InspectCommand.Create(),
        ProcessCommand.Create(environment),
        UploadCommand.Create(environment),
        RunCommand.Create(environment),
        FilesCommand.Create(environment),
        DlqCommand.Create(environment),
        ExecutionsCommand.Create(environment),
        DemoCommand.Create(environment),
        StatesCommand.Create(environment),
        BenchCommand.Create(environment),
        ServeCommand.Create(environment),
    ];
}
