using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Invokes the handler registered for Resource with the state's arguments, within TimeoutSeconds.</summary>
internal sealed class TaskState : State
{
    /// <summary>Resource as history events show it, split once.</summary>
    private readonly (string Type, string Resource) historyResource;

    public override string Type => "Task";

    public required string Resource
    {
        get;
        init
        {
            field = value;
            historyResource = SplitResource(value);
        }
    }

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    /// <summary>JSONata: TimeoutSeconds given as a <c>{% %}</c> expression.</summary>
    public JsonataTemplate? TimeoutExpression { get; init; }

    public override bool CanRetry => true;

    /// <summary>Handlers get the arguments, a copy of their own: they must not be able to change the state input behind the engine.</summary>
    public override bool TakesArguments => true;

    public override async ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments) =>
        new(await InvokeAsync(run, input, arguments), ResultKind.Result, Next);

    private async Task<JsonNode?> InvokeAsync(IStateContext run, JsonNode? effective, JsonNode? parameters)
    {
        var handler = run.FindHandler(Resource)
            ?? throw new StateErrorException(StatesErrors.Runtime, $"No task handler is registered for resource '{Resource}' (state '{Name}')");
        var timeout = ResolveTimeout(effective, run);
        var (resourceType, resource) = historyResource;
        var parametersJson = JsonValues.Payload(JsonText.From(parameters), "task", Name, "parameters");
        var region = run.Region;
        run.Record("TaskScheduled", () =>
        {
            var scheduled = new JsonObject
            {
                ["resourceType"] = resourceType,
                ["resource"] = resource,
                ["region"] = region,
                ["parameters"] = parametersJson.ToString(),
            };
            if (timeout is not null)
            {
                scheduled["timeoutInSeconds"] = timeout.Value;
            }

            return scheduled;
        });
        run.Record("TaskStarted", () => new JsonObject { ["resourceType"] = resourceType, ["resource"] = resource });
        var request = new TaskRequest(run.ContextFactory)
        {
            Resource = Resource,
            StateName = Name,
            Input = parameters,
            TimeoutSeconds = timeout,
            RetryCount = run.RetryCount,
        };
        try
        {
            var result = await InvokeWithTimeoutAsync(handler, request, timeout, run);
            var output = JsonValues.Payload(JsonText.From(result), "task", Name, "result");
            run.Record("TaskSucceeded", () => new JsonObject
            {
                ["resourceType"] = resourceType,
                ["resource"] = resource,
                ["output"] = output.ToString(),
                ["outputDetails"] = new JsonObject { ["truncated"] = false },
            });
            return result;
        }
        catch (StateErrorException e)
        {
            run.Record(e.Error == StatesErrors.Timeout ? "TaskTimedOut" : "TaskFailed", () =>
            {
                var details = e.ToHistoryDetails();
                details["resourceType"] = resourceType;
                details["resource"] = resource;
                return details;
            });
            throw;
        }
    }

    private static async Task<JsonNode?> InvokeWithTimeoutAsync(ITaskHandler handler, TaskRequest request, int? timeout, IStateContext run)
    {
        try
        {
            return timeout is null
                ? await handler.InvokeAsync(request, run.CancellationToken)
                : await InvokeWithTimerAsync(handler, request, timeout.Value, run);
        }
        catch (TaskFailedException e)
        {
            throw new StateErrorException(e.Error, e.Cause);
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not StateErrorException)
        {
            throw new StateErrorException(StatesErrors.TaskFailed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Races the handler against TimeoutSeconds on the TimeProvider; the loser is cancelled.</summary>
    private static async Task<JsonNode?> InvokeWithTimerAsync(ITaskHandler handler, TaskRequest request, int timeout, IStateContext run)
    {
        using var invocationCancellation = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken);
        // The timeout runs from the invocation's start, so time the handler spends before it first yields counts too.
        var deadline = run.Time.GetUtcNow() + TimeSpan.FromSeconds(timeout);
        var invocation = handler.InvokeAsync(request, invocationCancellation.Token);
        if (!invocation.IsCompleted)
        {
            var timer = ExecutionLimits.DelayUntilAsync(run.Time, deadline, invocationCancellation.Token);
            if (await Task.WhenAny(invocation, timer) == timer && !invocation.IsCompleted)
            {
                invocationCancellation.Cancel();
                _ = invocation.ContinueWith(t => t.Exception, TaskScheduler.Default);
                throw new StateErrorException(StatesErrors.Timeout, cause: null); // AWS records a task timeout without a cause
            }

            invocationCancellation.Cancel();
        }

        return await invocation;
    }

    private int? ResolveTimeout(JsonNode? effective, IStateContext run)
    {
        if (TimeoutExpression is not null)
        {
            var evaluated = TimeoutExpression.Evaluate(new JsonataScope(run, effective) { Reads = TimeoutExpression.Reads }, "TimeoutSeconds");
            return JsonValues.TryGetNumber(evaluated, out var limit) && limit >= 1 && limit == Math.Floor(limit) && limit <= 99_999_999
                ? (int)limit
                : throw JsonataScope.Failure("TimeoutSeconds", $"The TimeoutSeconds field must be a positive integer, but was: {JsonValues.ToJson(evaluated)}");
        }

        if (TimeoutSecondsPath is null)
        {
            return TimeoutSeconds;
        }

        if (!TimeoutSecondsPath.TrySelect(effective, run.Roots, out var value))
        {
            throw new StateErrorException(StatesErrors.Runtime, $"Invalid path '{TimeoutSecondsPath.Text}' : {TimeoutSecondsPath.DescribeMiss(effective, run.Roots)}");
        }

        return JsonValues.TryGetNumber(value, out var seconds) && seconds >= 1 && seconds == Math.Floor(seconds)
            ? (int)seconds
            : throw new StateErrorException(StatesErrors.Runtime, $"The TimeoutSecondsPath '{TimeoutSecondsPath.Text}' does not reference a positive integer");
    }

    /// <summary>arn:aws:states:::lambda:invoke → ("lambda", "invoke"), as history events show it.</summary>
    private static (string Type, string Resource) SplitResource(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length >= 7 && parts[2] == "states" && parts[5].Length > 0)
        {
            return (parts[5], string.Join(':', parts[6..]));
        }

        return (parts.Length > 2 ? parts[2] : arn, arn);
    }
}
