using FilePipeline.Core.Ports;

namespace FilePipeline.Lambda.Metrics;

/// <summary>
/// Counts each execution's outcome as ProcessQueue sees it: PROCESSED, DUPLICATE or REJECTED from
/// the execution output, FAILED/TIMED_OUT as failed. The functions stay free of metrics code.
/// </summary>
public sealed class MeteredWorkflowStarter(IWorkflowStarter inner, EmbeddedMetricWriter metrics) : IWorkflowStarter
{
    public async Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken)
    {
        var result = await inner.StartSyncExecutionAsync(name, input, cancellationToken).ConfigureAwait(false);
        var metric = result.Status == WorkflowStatus.Succeeded ? OutcomeMetric(result.Outcome) : PipelineMetrics.FilesFailed;
        if (metric is not null)
        {
            metrics.Write([new Metric(metric, 1)]);
        }

        return result;
    }

    /// <remarks>An output that is not the pipeline's is not counted; ProcessQueue decides what it means.</remarks>
    private static string? OutcomeMetric(string? outcome) => outcome switch
    {
        "PROCESSED" => PipelineMetrics.FilesProcessed,
        "DUPLICATE" => PipelineMetrics.FilesDuplicate,
        "REJECTED" => PipelineMetrics.FilesRejected,
        _ => null,
    };
}
