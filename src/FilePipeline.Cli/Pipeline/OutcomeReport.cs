using System.Globalization;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Prints settled uploads: a table for people, or JSON lines with --json.</summary>
internal static class OutcomeReport
{
    public static void Write(TextWriter output, IReadOnlyList<FileOutcome> outcomes, bool json)
    {
        if (json)
        {
            foreach (var outcome in outcomes)
            {
                output.WriteLine(outcome.ToJson().ToJsonString());
            }

            return;
        }

        TextTable.Write(
            output,
            ["FILE ID", "OUTCOME", "ROWS", "ATTEMPTS", "ELAPSED", "DETAIL"],
            outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.FileId,
                o.OutcomeText,
                o.Rows?.ToString(CultureInfo.InvariantCulture) ?? "-",
                o.Attempts.ToString(CultureInfo.InvariantCulture),
                o.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s",
                o.Detail ?? "",
            ]));
    }
}
