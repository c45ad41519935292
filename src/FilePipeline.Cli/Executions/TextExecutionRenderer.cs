using System.Globalization;
using FilePipeline.Cli.Pipeline;
using FilePipeline.States.History;

namespace FilePipeline.Cli.Executions;

/// <summary>The execution's summary, the path taken and the history as a table.</summary>
internal sealed class TextExecutionRenderer : IExecutionRenderer
{
    public async Task RenderAsync(StoredExecution view, TextWriter output, CancellationToken cancellationToken)
    {
        var execution = view.Execution;
        await output.WriteLineAsync($"Execution {execution.Id}: {execution.Name}");
        await output.WriteLineAsync($"  ARN      {execution.ExecutionArn ?? "(not ended)"}");
        await output.WriteLineAsync($"  Status   {execution.Status}{(execution.Outcome is null ? "" : " → " + execution.Outcome)}");
        await output.WriteLineAsync($"  File     {execution.FileId ?? "-"}");
        await output.WriteLineAsync($"  Started  {execution.StartDate:yyyy-MM-dd HH:mm:ss.fff}  Stopped {execution.StopDate?.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "-"}");
        if (execution.Error is not null)
        {
            await output.WriteLineAsync($"  Error    {execution.Error}: {execution.Cause}");
        }

        await output.WriteLineAsync($"  Path     {string.Join(" → ", view.Path)}");
        await output.WriteLineAsync();
        var start = view.History.Count > 0 ? view.History[0].Timestamp : execution.StartDate;
        TextTable.Write(
            output,
            ["ID", "TYPE", "STATE", "+MS", "DETAIL"],
            view.History.Select(e => (IReadOnlyList<string>)
            [
                e.Id.ToString(CultureInfo.InvariantCulture),
                e.Type,
                e.Details?["name"]?.GetValue<string>() ?? "",
                ((long)(e.Timestamp - start).TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
                Detail(e),
            ]));
    }

    private static string Detail(States.History.HistoryEvent e)
    {
        var details = e.Details;
        if (details is null)
        {
            return "";
        }

        var text = details["error"] is { } error ? $"{error}: {details["cause"]}"
            : details["resource"] is { } resource ? resource.ToString()
            : (details["output"] ?? details["input"])?.ToString() ?? "";
        text = text.ReplaceLineEndings(" ");
        return text.Length > 100 ? text[..97] + "..." : text;
    }
}
