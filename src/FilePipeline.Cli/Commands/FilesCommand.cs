using System.CommandLine;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;

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
        options.AddTo(command, runsPipeline: false, offersStack: true);
        PipelineCommand.SetAction(
            command,
            options,
            environment,
            (parseResult, pipeline, output, _, cancellationToken) => ListAsync(parseResult, pipeline.Ledger, output, cancellationToken),
            (parseResult, stack, output, _, cancellationToken) => ListAsync(parseResult, stack.Stack.Ledger, output, cancellationToken));
        return command;

        async Task<int> ListAsync(ParseResult parseResult, ILedger ledger, TextWriter output, CancellationToken cancellationToken)
        {
            FileStatus? wanted = parseResult.GetValue(status) is { } text
                ? Enum.TryParse<FileStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new UsageException($"--status {text}: use PROCESSING, PROCESSED, REJECTED or FAILED.")
                : null;
            await LedgerReport.WriteAsync(output, ledger, wanted, parseResult.GetValue(json), cancellationToken);
            return ExitCodes.Success;
        }
    }
}
