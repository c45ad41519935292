using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Cli.Executions;
using FilePipeline.Executions.Rendering;
using FilePipeline.States.Store;
using HistorySerializer = FilePipeline.States.History.HistorySerializer;

namespace FilePipeline.Cli.Pipeline;

/// <summary>How <c>executions list</c> and <c>show --json</c> print executions, stored locally or rebuilt from a deployed stack's logs.</summary>
internal static class ExecutionListing
{
    /// <param name="numbered">Local executions have the number <c>show</c> takes; a deployed stack's are known by name and ARN.</param>
    /// <param name="empty">The line for no executions.</param>
    public static async Task WriteAsync(TextWriter output, IReadOnlyList<ExecutionRecord> executions, bool json, bool numbered, string empty)
    {
        if (json)
        {
            foreach (var execution in executions)
            {
                await output.WriteLineAsync(ToJson(execution, numbered).ToJsonString());
            }

            return;
        }

        if (executions.Count == 0)
        {
            await output.WriteLineAsync(empty);
            return;
        }

        IReadOnlyList<string> header = ["NAME", "STATUS", "OUTCOME", "FILE ID", "STARTED", "MS"];
        TextTable.Write(
            output,
            numbered ? ["ID", .. header] : header,
            executions.Select(e =>
            {
                IReadOnlyList<string> row =
                [
                    e.Name,
                    e.Status,
                    e.Outcome ?? e.Error ?? "",
                    e.FileId ?? "",
                    e.StartDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.StopDate is { } stop ? ((long)(stop - e.StartDate).TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-",
                ];
                return numbered ? [e.Id.ToString(CultureInfo.InvariantCulture), .. row] : row;
            }));
    }

    /// <summary><c>show --json</c>: the execution, the names of the states it entered, and its history events in GetExecutionHistory's shape.</summary>
    public static string ShowJson(ExecutionRecord execution, IEnumerable<States.History.HistoryEvent> history, bool numbered)
    {
        var events = history.ToList();
        return new JsonObject
        {
            ["execution"] = ToJson(execution, numbered),
            ["path"] = new JsonArray([.. events.Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)).Select(e => e.Details?["name"]?.DeepClone())]),
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode?)HistorySerializer.ToJson(e))]),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject ToJson(ExecutionRecord execution, bool numbered)
    {
        var json = ExecutionJson.ToJson(execution);
        if (!numbered)
        {
            json.Remove("id");
        }

        return json;
    }
}
