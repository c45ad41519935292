using FilePipeline.Core.Ports;
using FilePipeline.States;
using FilePipeline.States.History;
using FilePipeline.States.Store;

namespace FilePipeline.Host.Executions;

/// <summary>
/// StartSyncExecution on the local engine: each execution, the definition it ran (under the options'
/// state machine ARN) and its history go to the <see cref="IExecutionStore"/> as they happen; <paramref name="afterEvent"/> sees each stored event (fault injection).
/// </summary>
public sealed class LocalWorkflowStarter(
    StateMachineDefinition definition,
    TaskHandlerRegistry handlers,
    StateMachineEngineOptions engineOptions,
    IExecutionStore store,
    TimeProvider time,
    Action<HistoryEvent>? afterEvent = null) : IWorkflowStarter
{
    public async Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken)
    {
        var result = (await RunAsync(name, input, cancellationToken)).Result;
        var status = result.Status switch
        {
            ExecutionStatus.Succeeded => WorkflowStatus.Succeeded,
            ExecutionStatus.TimedOut => WorkflowStatus.TimedOut,
            _ => WorkflowStatus.Failed,
        };
        return new WorkflowResult(result.ExecutionArn, status, result.Output, result.Error, result.Cause);
    }

    /// <summary>Runs and stores one execution; the stored record's number is <see cref="ExecutionResultWithId.Id"/>.</summary>
    public async Task<ExecutionResultWithId> RunAsync(string? name, string? input, CancellationToken cancellationToken)
    {
        name ??= Guid.NewGuid().ToString();
        input ??= "{}";
        var stateMachine = new StoredStateMachine(engineOptions.StateMachineArn, engineOptions.StateMachineName, definition.Json);
        var writer = await store.BeginAsync(stateMachine, name, input, time.GetUtcNow(), storeEachEvent: afterEvent is not null);
        var engine = new StateMachineEngine(handlers, time, engineOptions with
        {
            OnHistoryEvent = historyEvent =>
            {
                var stored = writer.AppendAsync(historyEvent);
                if (afterEvent is not null)
                {
                    // The observer may end the process (fault injection): the event is stored first.
                    stored.GetAwaiter().GetResult();
                    afterEvent(historyEvent);
                }
            },
        });
        ExecutionResult result;
        try
        {
            result = await engine.StartExecutionAsync(definition, input, name, cancellationToken);
        }
        catch (ArgumentException e)
        {
            await writer.FailAsync("States.Runtime", e.Message, time.GetUtcNow());
            throw;
        }

        await writer.CompleteAsync(result);
        return new ExecutionResultWithId(writer.Id, result);
    }
}
