using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.History;
using FilePipeline.States.Json;
using FilePipeline.States.Variables;

namespace FilePipeline.States;

/// <summary>Runs executions of a definition with the given task handlers and clock.</summary>
public sealed class StateMachineEngine(TaskHandlerRegistry handlers, TimeProvider time, StateMachineEngineOptions? options = null)
{
    private readonly StateMachineEngineOptions options = options ?? new StateMachineEngineOptions();

    /// <summary>
    /// Runs one execution to its end. <paramref name="input"/> is JSON text (null means <c>{}</c>);
    /// <paramref name="name"/> defaults to a new GUID. Invalid input JSON throws <see cref="ArgumentException"/>.
    /// </summary>
    public async Task<ExecutionResult> StartExecutionAsync(
        StateMachineDefinition definition, string? input = null, string? name = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var inputNode = ParseInput(input);
        name ??= Guid.NewGuid().ToString();
        var run = new ExecutionRun(ExecutionArn(name), name, inputNode, options, handlers, time, definition.TimeoutSeconds);
        var cursor = new EventCursor(0);
        var inputJson = JsonText.From(inputNode);
        run.Recorder.Record(cursor, "ExecutionStarted", () => new JsonObject
        {
            ["input"] = inputJson.ToString(),
            ["inputDetails"] = new JsonObject { ["truncated"] = false },
            ["roleArn"] = options.RoleArn,
        });
        // AWS chains the first state's events to 0, not to ExecutionStarted (GetExecutionHistory's
        // API reference example and recorded histories: id 2, previousEventId 0).
        cursor.LastEventId = 0;

        using var executionCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var status = ExecutionStatus.Succeeded;
        string? output = null, error = null, cause = null;
        try
        {
            if (JsonValues.ExceedsPayloadLimit(input ?? ""))
            {
                throw new StateErrorException(StatesErrors.DataLimitExceeded, "The execution input has exceeded the maximum number of bytes allowed.");
            }

            var outputNode = await RunWithMachineTimeoutAsync(definition, run, inputNode, inputJson, cursor, executionCancellation);
            var outputJson = JsonValues.Payload(outputNode, "execution output").ToString();
            output = outputJson;
            run.Recorder.Record(cursor, "ExecutionSucceeded", () => new JsonObject
            {
                ["output"] = outputJson,
                ["outputDetails"] = new JsonObject { ["truncated"] = false },
            }, closes: true);
        }
        catch (StateErrorException e)
        {
            status = e.Error == StatesErrors.Timeout && (executionCancellation.IsCancellationRequested || run.Ending) ? ExecutionStatus.TimedOut : ExecutionStatus.Failed;
            (output, error, cause) = (null, e.Error, e.Cause);
            run.Recorder.Record(cursor, status == ExecutionStatus.TimedOut ? "ExecutionTimedOut" : "ExecutionFailed",
                e.ToHistoryDetails, closes: true);
        }

        // Events copies the recorded list under its lock: once is enough.
        var history = run.Recorder.Events;
        return new ExecutionResult
        {
            ExecutionArn = run.Arn,
            Name = name,
            StartDate = run.StartTime,
            StopDate = history[^1].Timestamp,
            Status = status,
            Output = output,
            Error = error,
            Cause = cause,
            History = history,
        };
    }

    private string ExecutionArn(string name) => options.Express
        ? $"arn:aws:states:{options.Region}:{options.AccountId}:express:{options.StateMachineName}:{name}:{Guid.NewGuid()}"
        : $"arn:aws:states:{options.Region}:{options.AccountId}:execution:{options.StateMachineName}:{name}";

    private static JsonNode? ParseInput(string? input)
    {
        if (input is null)
        {
            return new JsonObject();
        }

        try
        {
            return JsonValues.Parse(input);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Invalid execution input: {e.Message}", nameof(input), e);
        }
    }

    /// <summary>
    /// The execution's deadline (TimeoutSeconds, capped by AWS's maximum duration) races the run on the
    /// TimeProvider, so a Task that never returns is cut off too; the loser is cancelled. The run itself
    /// checks the deadline at every transition, which ends loops that never wait.
    /// </summary>
    private async Task<JsonNode?> RunWithMachineTimeoutAsync(
        StateMachineDefinition definition, ExecutionRun run, JsonNode? input, JsonText inputJson, EventCursor cursor, CancellationTokenSource executionCancellation)
    {
        var execution = run.RunBlockAsync(definition.Root, input, cursor, new VariableScope(), executionCancellation.Token, inputJson);
        if (execution.IsCompleted)
        {
            return await execution;
        }

        using var timerCancellation = new CancellationTokenSource();
        var timer = ExecutionLimits.DelayUntilAsync(time, run.Deadline, timerCancellation.Token);
        if (await Task.WhenAny(execution, timer) == timer)
        {
            executionCancellation.Cancel();
            _ = execution.ContinueWith(t => t.Exception, TaskScheduler.Default);
            throw new StateErrorException(StatesErrors.Timeout, run.TimeoutCause);
        }

        timerCancellation.Cancel();
        return await execution;
    }
}
