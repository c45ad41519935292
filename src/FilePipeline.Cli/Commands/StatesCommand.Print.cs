using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States;
using FilePipeline.States.History;

namespace FilePipeline.Cli.Commands;

/// <summary>How <c>states run</c> shows an execution: its output or error, with --history its events, with --json AWS's response shape.</summary>
internal static partial class StatesCommand
{
    private static void Print(ExecutionResult result, StatesRunOptions options, TextWriter output, TextWriter error)
    {
        if (options.Json)
        {
            var response = JsonNode.Parse(result.ToStartSyncExecutionJson())!.AsObject();
            if (options.History)
            {
                response["events"] = JsonNode.Parse(HistorySerializer.Serialize(result.History))!["events"]!.DeepClone();
            }

            output.WriteLine(response.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        if (options.History)
        {
            foreach (var e in result.History)
            {
                var name = e.Details?["name"]?.GetValue<string>();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Id,4} {e.PreviousEventId,4}  {e.Timestamp:HH:mm:ss.fff}  {e.Type}{(name is null ? "" : $" '{name}'")}"));
            }
        }

        if (result.Status == ExecutionStatus.Succeeded)
        {
            output.WriteLine(result.Output);
        }
        else
        {
            error.WriteLine($"{result.StatusText}: {result.Error}: {result.Cause}");
        }
    }
}
