using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Aws.Logs;
using FilePipeline.Cli.Executions;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Rendering;
using FilePipeline.States.History;

namespace FilePipeline.Cli.Operate;

/// <summary>
/// <c>executions list/show --stack</c>: a deployed express machine's executions, rebuilt from its log
/// group, shown with the same table, terminal path and HTML view as the local ones.
/// </summary>
internal static class StackExecutions
{
    public static async Task<int> ListAsync(OperatedStack stack, ExecutionFilter filter, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var executions = await ReaderOf(stack).ListAsync(filter, cancellationToken);
        if (json)
        {
            foreach (var execution in executions)
            {
                await output.WriteLineAsync(ToJson(execution).ToJsonString());
            }

            return ExitCodes.Success;
        }

        if (executions.Count == 0)
        {
            await output.WriteLineAsync($"(no executions in {ReaderOf(stack).LogGroupName}{Range(filter)})");
            return ExitCodes.Success;
        }

        TextTable.Write(
            output,
            ["NAME", "STATUS", "OUTCOME", "FILE ID", "STARTED", "MS"],
            executions.Select(e => (IReadOnlyList<string>)
            [
                e.Name,
                e.Status,
                e.Outcome ?? e.Error ?? "",
                e.FileId ?? "",
                e.StartDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.StopDate is { } stop ? ((long)(stop - e.StartDate).TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-",
            ]));
        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(
        OperatedStack stack, string id, DateTimeOffset? since, DateTimeOffset? until, bool json, FileInfo? html, TextWriter output, CancellationToken cancellationToken)
    {
        var execution = await ReaderOf(stack).FindAsync(id, since, until, cancellationToken)
            ?? throw new UsageException($"no execution '{id}' in {ReaderOf(stack).LogGroupName}{Range(new ExecutionFilter(since, until))} (see `filepipeline executions list --stack {stack.Stack.Names.StackName}`; --since reaches further back).");
        if (json)
        {
            var document = new JsonObject
            {
                ["execution"] = ToJson(execution),
                ["path"] = new JsonArray([.. execution.Events.Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal)).Select(e => e.Details?["name"]?.DeepClone())]),
                ["events"] = new JsonArray([.. execution.Events.Select(e => (JsonNode?)HistorySerializer.ToJson(e))]),
            };
            await output.WriteLineAsync(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return ExitCodes.Success;
        }

        // Express machines keep no definition per execution: the graph is the template's definition.
        var view = ExecutionViewParser.Parse(
            stack.Template.StateMachine.LoadDefinition(),
            execution.HistoryJson(),
            new ExecutionSummary(execution.ExecutionArn, execution.Name, execution.Status, execution.StartDate, execution.StopDate, execution.Input, execution.Output, execution.Error, execution.Cause));
        if (html is not null)
        {
            await OutputFile.WriteAllTextAsync(html.FullName, ExecutionHtmlReport.Render(view), cancellationToken);
            await output.WriteLineAsync($"HTML report: {html.FullName}");
            return ExitCodes.Success;
        }

        await output.WriteLineAsync($"Execution {execution.ExecutionArn}");
        await output.WriteLineAsync($"state machine  {execution.StateMachineArn}   file  {execution.FileId ?? "-"}   outcome  {execution.Outcome ?? "-"}");
        ExecutionTerminalView.Render(view, output);
        await output.WriteLineAsync();
        ExecutionTerminalView.RenderEvents(view, output);
        return ExitCodes.Success;
    }

    private static ExpressExecutionReader ReaderOf(OperatedStack stack) => stack.Stack.Executions
        ?? throw new NoExecutionDataException($"the state machine of stack '{stack.Stack.Names.StackName}' logs nothing (its Logging level is OFF or it has no log group), and express executions have no history anywhere else: set Logging level ALL with IncludeExecutionData and deploy again.");

    private static string Range(ExecutionFilter filter) =>
        (filter.Since is { } since ? $" since {since:u}" : "") + (filter.Until is { } until ? $" until {until:u}" : "");

    private static JsonObject ToJson(ExpressExecution e) => new()
    {
        ["name"] = e.Name,
        ["executionArn"] = e.ExecutionArn,
        ["stateMachineArn"] = e.StateMachineArn,
        ["fileId"] = e.FileId,
        ["status"] = e.Status,
        ["outcome"] = e.Outcome,
        ["startDate"] = e.StartDate,
        ["stopDate"] = e.StopDate,
        ["input"] = e.Input,
        ["output"] = e.Output,
        ["error"] = e.Error,
        ["cause"] = e.Cause,
    };
}
