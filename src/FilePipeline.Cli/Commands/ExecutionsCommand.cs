using System.CommandLine;
using System.Globalization;
using FilePipeline.Cli.Executions;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline executions list [--file FILEID] [--json] | show &lt;id&gt; [--json]</c>: the stored
/// state machine executions and their histories. Exit 0; 1 on a usage error or an unknown execution.
/// </summary>
internal static class ExecutionsCommand
{
    public static Command Create() => Create(CliEnvironment.Process);

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
        var json = new Option<bool>("--json") { Description = "One JSON object per execution, one per line." };
        var command = new Command("list", "List executions, newest first (ABORTED: its process died mid-run).") { file, json };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (parseResult, pipeline, output, _, _) =>
        {
            var executions = pipeline.Executions.List(parseResult.GetValue(file));
            if (parseResult.GetValue(json))
            {
                foreach (var execution in executions)
                {
                    await output.WriteLineAsync(ExecutionJson.ToJson(execution).ToJsonString());
                }

                return ExitCodes.Success;
            }

            if (executions.Count == 0)
            {
                await output.WriteLineAsync("(no executions)");
                return ExitCodes.Success;
            }

            TextTable.Write(
                output,
                ["ID", "NAME", "STATUS", "OUTCOME", "FILE ID", "STARTED", "MS"],
                executions.Select(e => (IReadOnlyList<string>)
                [
                    e.Id.ToString(CultureInfo.InvariantCulture),
                    e.Name,
                    e.Status,
                    e.Outcome ?? e.Error ?? "",
                    e.FileId ?? "",
                    e.StartDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    e.StopDate is { } stop ? ((long)(stop - e.StartDate).TotalMilliseconds).ToString(CultureInfo.InvariantCulture) : "-",
                ]));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateShow(CliEnvironment environment)
    {
        var id = new Argument<string>("id") { Description = "The execution's number (from `executions list`), name or ARN." };
        var json = new Option<bool>("--json") { Description = "The execution, path and history events as JSON." };
        var command = new Command("show", "Show one execution: the path through the states and its history events.") { id, json };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            var wanted = parseResult.GetRequiredValue(id);
            var execution = pipeline.Executions.Find(wanted) ?? throw new UsageException($"no execution '{wanted}' (see `filepipeline executions list`).");
            var view = new StoredExecution(execution, pipeline.Executions.History(execution.Id));
            IExecutionRenderer renderer = parseResult.GetValue(json) ? new JsonExecutionRenderer() : new TextExecutionRenderer();
            await renderer.RenderAsync(view, output, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
