using System.CommandLine;
using FilePipeline.Aws.Logs;
using FilePipeline.Cli.Executions;
using FilePipeline.Cli.Operate;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Executions.Rendering;
using FilePipeline.States.History;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline executions list [--file FILEID] [--outcome O] [--since T] [--until T] [--json] | show &lt;id&gt; [--json | --html FILE]</c>:
/// the stored state machine executions and their histories, or with <c>--stack</c> a deployed express
/// machine's, rebuilt from its log group. Exit 0; 1 on a usage error or an unknown execution.
/// </summary>
internal static class ExecutionsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("executions", "List and show state machine executions with their history.");
        command.Subcommands.Add(CreateList(environment));
        command.Subcommands.Add(CreateShow(environment));
        return command;
    }

    private static Command CreateList(CliEnvironment environment)
    {
        var file = new Option<string?>("--file") { Description = "Only executions of this file id." };
        var outcome = new Option<string?>("--outcome") { Description = "Only executions with this outcome (PROCESSED, DUPLICATE, REJECTED) or status (FAILED, TIMED_OUT, ABORTED)." };
        var since = new Option<string?>("--since") { Description = "Only executions started since this instant (2026-12-06T08:00Z) or span back from now (90m, 6h, 2d; default with --stack: 24h)." };
        var until = new Option<string?>("--until") { Description = "Only executions started until this instant or span back from now." };
        var json = new Option<bool>("--json") { Description = "One JSON object per execution, one per line." };
        var command = new Command("list", "List executions, newest first (ABORTED: its process died mid-run; with --stack: from the state machine's log group).") { file, outcome, since, until, json };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false, offersStack: true);
        PipelineCommand.SetAction(command, options, environment, async (parseResult, pipeline, output, _, _) =>
        {
            var filter = FilterOf(parseResult, file, outcome, since, until, defaultSince: null);
            var executions = pipeline.Executions.List(filter.FileId).Where(e => filter.Matches(e.FileId, e.Status, e.Outcome, e.StartDate)).ToList();
            await ExecutionListing.WriteAsync(output, executions, parseResult.GetValue(json), numbered: true, "(no executions)");
            return ExitCodes.Success;
        },
        (parseResult, stack, output, _, cancellationToken) => StackExecutions.ListAsync(
            stack, FilterOf(parseResult, file, outcome, since, until, DefaultStackSince), parseResult.GetValue(json), output, cancellationToken));
        return command;
    }

    /// <summary>How far back <c>--stack</c> reads the log group unless told: a day of executions, not the whole retention.</summary>
    private const string DefaultStackSince = "24h";

    private static ExecutionFilter FilterOf(ParseResult parseResult, Option<string?> file, Option<string?> outcome, Option<string?> since, Option<string?> until, string? defaultSince)
    {
        var now = TimeProvider.System.GetUtcNow();
        return new ExecutionFilter(
            (parseResult.GetValue(since) ?? defaultSince) is { } from ? PointInTime.Parse("--since", from, now) : null,
            parseResult.GetValue(until) is { } to ? PointInTime.Parse("--until", to, now) : null,
            parseResult.GetValue(file),
            parseResult.GetValue(outcome));
    }

    private static Command CreateShow(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "The execution's number (from `executions list`), name or ARN." };
        var json = new Option<bool>("--json") { Description = "The execution, path and history events as JSON." };
        var html = new Option<FileInfo?>("--html") { Description = "Write a self-contained HTML report (graph coloured by outcome, state details, events) to this file." };
        var since = new Option<string?>("--since") { Description = "With --stack: look for the execution since this instant or span back from now (default 24h)." };
        var command = new Command("show", "Show one execution: the path through the states with marks and durations, and its history events.") { id, json, html, since };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false, offersStack: true);
        PipelineCommand.SetAction(command, options, environment, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            RequireOneReport(parseResult, json, html);

            var wanted = parseResult.GetRequiredValue(id);
            var execution = pipeline.Executions.Find(wanted) ?? throw new UsageException($"no execution '{wanted}' (see `filepipeline executions list`).");
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(ExecutionListing.ShowJson(execution, pipeline.Executions.History(execution.Id), numbered: true));
                return ExitCodes.Success;
            }

            var view = StoredExecutionView.Read(pipeline, execution);
            if (parseResult.GetValue(html) is { } file)
            {
                await OutputFile.WriteAllTextAsync(file.FullName, ExecutionHtmlReport.Render(view), cancellationToken);
                await output.WriteLineAsync($"HTML report: {file.FullName}");
                return ExitCodes.Success;
            }

            await output.WriteLineAsync($"Execution {execution.Id}  {execution.ExecutionArn ?? "(not ended)"}");
            await output.WriteLineAsync($"state machine  {execution.StateMachineArn ?? "(not stored)"}   file  {execution.FileId ?? "-"}   outcome  {execution.Outcome ?? "-"}");
            ExecutionTerminalView.Render(view, output);
            await output.WriteLineAsync();
            ExecutionTerminalView.RenderEvents(view, output);
            return ExitCodes.Success;
        },
        (parseResult, stack, output, _, cancellationToken) =>
        {
            RequireOneReport(parseResult, json, html);
            var from = PointInTime.Parse("--since", parseResult.GetValue(since) ?? DefaultStackSince, TimeProvider.System.GetUtcNow());
            return StackExecutions.ShowAsync(stack, parseResult.GetRequiredValue(id), from, null, parseResult.GetValue(json), parseResult.GetValue(html), output, cancellationToken);
        });
        return command;
    }

    private static void RequireOneReport(ParseResult parseResult, Option<bool> json, Option<FileInfo?> html)
    {
        if (parseResult.GetValue(json) && parseResult.GetValue(html) is not null)
        {
            throw new UsageException("give either --json or --html, not both: each is a whole report of the execution.");
        }
    }
}
