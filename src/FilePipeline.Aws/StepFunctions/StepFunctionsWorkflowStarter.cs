using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.StepFunctions;

/// <summary>Runs the file-processing express state machine with StartSyncExecution.</summary>
/// <param name="traceHeader">The current X-Ray trace header (in Lambda, <c>_X_AMZN_TRACE_ID</c>), so the execution joins the caller's trace.</param>
public sealed class StepFunctionsWorkflowStarter(StepFunctionsClient client, string stateMachineArn, Func<string?>? traceHeader = null) : IWorkflowStarter
{
    public async Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken)
    {
        var response = await client.StartSyncExecutionAsync(stateMachineArn, name, input, traceHeader?.Invoke(), cancellationToken).ConfigureAwait(false);
        var status = response.Status switch
        {
            SyncExecutionStatus.Succeeded => WorkflowStatus.Succeeded,
            SyncExecutionStatus.Failed => WorkflowStatus.Failed,
            _ => WorkflowStatus.TimedOut,
        };
        return new WorkflowResult(response.ExecutionArn, status, response.Output, response.Error, response.Cause);
    }
}
