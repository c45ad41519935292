using FilePipeline.Executions.History;
using FilePipeline.Host;
using FilePipeline.States.History;
using FilePipeline.States.Store;

namespace FilePipeline.Cli.Executions;

/// <summary>
/// Reads a stored execution into the renderers' view, drawn over the definition it ran. The engine's
/// events go through their GetExecutionHistory JSON, the same path a history exported from AWS takes.
/// </summary>
internal static class StoredExecutionView
{
    public static ExecutionView Read(LocalPipeline pipeline, ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(execution);
        // Executions stored before definitions were kept can only be drawn over the pipeline's current one.
        var definition = pipeline.Executions.DescribeStateMachineForExecution(execution.Id)?.Definition ?? pipeline.Definition.Json;
        var summary = new ExecutionSummary(
            execution.ExecutionArn ?? "", execution.Name, execution.Status, execution.StartDate, execution.StopDate,
            execution.Input, execution.Output, execution.Error, execution.Cause);
        var history = HistorySerializer.Serialize(pipeline.Executions.History(execution.Id));
        return ExecutionViewParser.Parse(definition, history, summary);
    }
}
