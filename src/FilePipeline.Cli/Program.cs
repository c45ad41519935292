using System.CommandLine;
using FilePipeline.Cli.Commands;

var root = new RootCommand("FilePipeline: exactly-once CSV ingestion for AWS, runnable on one machine.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
