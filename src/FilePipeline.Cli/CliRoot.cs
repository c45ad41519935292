using System.CommandLine;
using FilePipeline.Cli.Commands;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli;

/// <summary>The <c>filepipeline</c> root command; tests build it with their own environment and invoke it in-process.</summary>
internal static class CliRoot
{
    public static RootCommand Create(CliEnvironment environment)
    {
        var root = new RootCommand("FilePipeline: exactly-once CSV ingestion for AWS, runnable on one machine.");
        foreach (var command in CommandCatalog.All(environment))
        {
            StateErrorGuard.Apply(command);
            root.Subcommands.Add(command);
        }

        return root;
    }
}
