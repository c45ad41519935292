using System.CommandLine;
using FilePipeline.Cli.Inspection;

namespace FilePipeline.Cli.Commands;

/// <summary><c>filepipeline inspect &lt;file&gt;... [--json] [--no-header] [--delimiter C]</c>.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("file")
        {
            Description = "CSV files to inspect.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per file, one per line." };
        var noHeader = new Option<bool>("--no-header") { Description = "The first record is data, not a header." };
        var delimiter = new Option<string>("--delimiter")
        {
            Description = "The field separator: one ASCII character, or \\t or 'tab' for a tab.",
            DefaultValueFactory = _ => ",",
        };

        var command = new Command("inspect", "Count the rows and columns of CSV files and checksum them, in one streaming pass.")
        {
            files, json, noHeader, delimiter,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var request = new InspectRequest(
                parseResult.GetRequiredValue(files),
                parseResult.GetValue(json),
                !parseResult.GetValue(noHeader),
                parseResult.GetRequiredValue(delimiter));
            var runner = new InspectRunner(output, parseResult.InvocationConfiguration.Error, TimeProvider.System, ProgressFor(output));
            return runner.RunAsync(request, cancellationToken);
        });
        return command;
    }

    // A progress bar only for a person watching a terminal; never in redirected or captured output.
    private static SpectreProgressDisplay? ProgressFor(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? new SpectreProgressDisplay() : null;
}
