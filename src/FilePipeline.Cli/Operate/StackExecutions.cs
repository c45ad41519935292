using FilePipeline.Aws.Logs;
using FilePipeline.Cli.Executions;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Rendering;
using FilePipeline.States.History;
using FilePipeline.States.Store;

namespace FilePipeline.Cli.Operate;

/// <summary>
/// <c>executions list/show --stack</c>: a deployed express machine's executions, rebuilt from its log
/// group, shown with the same table, terminal path and HTML view as the local ones.
/// </summary>
internal static class StackExecutions
{
    public static async Task<int> ListAsync(OperatedStack stack, ExecutionFilter filter, bool json, TextWriter output, CancellationToken cancellationToken)
    {
        var reader = ReaderOf(stack);
        var executions = await reader.ListAsync(filter, cancellationToken);
        await ExecutionListing.WriteAsync(output, [.. executions.Select(ToRecord)], json, numbered: false, $"(no executions in {reader.LogGroupName}{Range(filter)})");
        return ExitCodes.Success;
    }

    public static async Task<int> ShowAsync(
        OperatedStack stack, string id, DateTimeOffset? since, DateTimeOffset? until, bool json, FileInfo? html, TextWriter output, CancellationToken cancellationToken)
    {
        var execution = await ReaderOf(stack).FindAsync(id, since, until, cancellationToken)
            ?? throw new UsageException($"no execution '{id}' in {ReaderOf(stack).LogGroupName}{Range(new ExecutionFilter(since, until))} (see `filepipeline executions list --stack {stack.Stack.Names.StackName}`; --since reaches further back).");
        if (json)
        {
            await output.WriteLineAsync(ExecutionListing.ShowJson(ToRecord(execution), execution.Events, numbered: false));
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

    // The shape local executions are printed in; an express execution has no local number.
    private static ExecutionRecord ToRecord(ExpressExecution e) => new()
    {
        Id = 0,
        Name = e.Name,
        ExecutionArn = e.ExecutionArn,
        StateMachineArn = e.StateMachineArn,
        FileId = e.FileId,
        Status = e.Status,
        Input = e.Input ?? "",
        Output = e.Output,
        Outcome = e.Outcome,
        Error = e.Error,
        Cause = e.Cause,
        StartDate = e.StartDate,
        StopDate = e.StopDate,
    };
}
