using System.CommandLine;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Core.Ledger;

namespace FilePipeline.Cli.Commands;

/// <summary><c>filepipeline files [--status S] [--json]</c>: the ledger. Exit 0, 1 on a usage error.</summary>
internal static class FilesCommand
{
    public static Command Create() => Create(CliEnvironment.Process);

    public static Command Create(CliEnvironment environment)
    {
        var status = new Option<string?>("--status") { Description = "Only files with this status: PROCESSING, PROCESSED, REJECTED or FAILED." };
        var json = new Option<bool>("--json") { Description = "One JSON object per record, one per line." };
        var command = new Command("files", "List the ledger: one record per distinct upload.") { status, json };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            FileStatus? wanted = parseResult.GetValue(status) is { } text
                ? Enum.TryParse<FileStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new UsageException($"--status {text}: use PROCESSING, PROCESSED, REJECTED or FAILED.")
                : null;
            LedgerReport.Write(output, await pipeline.Ledger.ListAsync(wanted, cancellationToken), parseResult.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
