using System.Text.Json.Nodes;
using FilePipeline.States.Definition;
using FilePipeline.States.History;
using FilePipeline.States.Json;
using FilePipeline.States.Variables;

#pragma warning disable CA1507 // The string keys are AWS context-object field names, not references to our members.

namespace FilePipeline.States.Execution;

/// <summary>One execution in progress: identity, services, history, and the loop that walks a block of states.</summary>
internal sealed class ExecutionRun
{
    private readonly string startTimeText;

    public ExecutionRun(
        string arn, string name, JsonNode? input, StateMachineEngineOptions options, TaskHandlerRegistry handlers, TimeProvider time, int? timeoutSeconds)
    {
        Arn = arn;
        Name = name;
        Input = input;
        Options = options;
        Handlers = handlers;
        Time = time;
        StartTime = time.GetUtcNow();
        startTimeText = StateRun.FormatTime(StartTime);
        (Deadline, TimeoutCause) = ExecutionLimits.Deadline(StartTime, timeoutSeconds, options.Express);
        Recorder = new HistoryRecorder(time, options.OnHistoryEvent, options.Express ? null : EndOnHistoryLimit);
    }

    public string Arn { get; }

    public string Name { get; }

    public JsonNode? Input { get; }

    public DateTimeOffset StartTime { get; }

    public StateMachineEngineOptions Options { get; }

    public TaskHandlerRegistry Handlers { get; }

    public TimeProvider Time { get; }

    public HistoryRecorder Recorder { get; }

    /// <summary>When the execution times out: its TimeoutSeconds, capped by AWS's maximum duration for its type.</summary>
    public DateTimeOffset Deadline { get; }

    public string TimeoutCause { get; }

    /// <summary>
    /// Set once the execution has timed out or hit the history limit: from then on no Retrier or
    /// Catcher handles the error, so the execution ends instead of looping on.
    /// </summary>
    public bool Ending { get; private set; }

    /// <summary>Ends the execution TIMED_OUT once the clock passes the deadline; checked at every transition and wait.</summary>
    public void ThrowIfPastDeadline() => ThrowIfPastDeadline(Time.GetUtcNow());

    private void ThrowIfPastDeadline(DateTimeOffset now)
    {
        if (now >= Deadline)
        {
            Ending = true;
            throw new StateErrorException(StatesErrors.Timeout, TimeoutCause);
        }
    }

    /// <summary>
    /// Waits on the TimeProvider's clock (never for real in tests), or not at all with SkipDelays; a
    /// wait that would outlast the execution ends it at its deadline instead.
    /// </summary>
    public async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        ThrowIfPastDeadline();
        if (Options.SkipDelays || delay <= TimeSpan.Zero)
        {
            return;
        }

        var now = Time.GetUtcNow();
        var wakeAt = delay >= Deadline - now ? Deadline : now + delay;
        await ExecutionLimits.DelayUntilAsync(Time, wakeAt, cancellationToken);
        ThrowIfPastDeadline();
    }

    public JsonObject BuildContextRoot() => new()
    {
        ["Execution"] = new JsonObject
        {
            ["Id"] = Arn,
            ["Input"] = Input?.DeepClone(),
            ["Name"] = Name,
            ["RoleArn"] = Options.RoleArn,
            ["StartTime"] = startTimeText,
            ["RedriveCount"] = 0,
        },
        ["StateMachine"] = new JsonObject
        {
            ["Id"] = Options.StateMachineArn,
            ["Name"] = Options.StateMachineName,
        },
    };

    /// <summary>Runs a block (the machine, a Parallel branch or a Map iteration) from StartAt to its end.</summary>
    /// <remarks><paramref name="inputJson"/>: the input already serialized, if the caller has it.</remarks>
    public async Task<JsonNode?> RunBlockAsync(
        StateBlock block, JsonNode? input, EventCursor cursor, VariableScope variables, CancellationToken cancellationToken, JsonText? inputJson = null)
    {
        var state = block.States[block.StartAt];
        // A block's input may be held elsewhere ($$.Execution.Input, a caller's node): the first ResultPath copies it.
        var ownsInput = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // One clock reading serves the deadline check, $$.State.EnteredTime and the entered event.
            var now = Time.GetUtcNow();
            ThrowIfPastDeadline(now);
            var run = new StateRun(this, state, cursor, variables, now, cancellationToken) { OwnsInput = ownsInput };
            var stateName = state.Name;
            var enteredJson = inputJson = JsonValues.Payload(inputJson ?? JsonText.From(input), "state", stateName, "input");
            var enteredId = run.RecordEntered(() => StateDetails("input", stateName, enteredJson.ToString()));
            StateResult result;
            try
            {
                result = await StateExecutor.ExecuteAsync(run, input);
            }
            catch (StateErrorException e) when (e.Error is StatesErrors.Runtime or StatesErrors.QueryEvaluationError
                && !Ending && e.Cause?.StartsWith("An error occurred", StringComparison.Ordinal) != true)
            {
                var located = new StateErrorException(
                    e.Error, $"An error occurred while executing the state '{state.Name}' (entered at the event id #{enteredId}). {e.Cause}");
                if (e.Location is not null)
                {
                    // AWS records where a JSONata expression failed before the execution fails.
                    run.Record("EvaluationFailed", () => new JsonObject
                    {
                        ["error"] = located.Error,
                        ["cause"] = located.Cause,
                        ["location"] = e.Location,
                        ["state"] = stateName,
                    });
                }

                throw located;
            }

            // States never change their output afterwards, so its JSON is also the next state's input JSON.
            var outputJson = JsonText.From(result.Output);
            if (outputJson.ByteCount > JsonValues.PayloadLimitBytes)
            {
                throw new StateErrorException(StatesErrors.DataLimitExceeded, $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
            }

            var assigned = result.Assigned;
            if (assigned is not null)
            {
                variables.Apply(assigned);
            }

            run.Record(state.ExitedEvent, () => ExitedDetails(stateName, outputJson.ToString(), assigned));
            if (result.Next is null)
            {
                return result.Output;
            }

            state = block.States[result.Next];
            input = result.Output;
            inputJson = outputJson;
            ownsInput = run.OwnsOutput;
        }
    }

    private void EndOnHistoryLimit() => Ending = true;

    private static JsonObject ExitedDetails(string name, string outputJson, VariableAssignment? assigned)
    {
        var details = StateDetails("output", name, outputJson);
        if (assigned is not null)
        {
            details["assignedVariables"] = assigned.ToHistory();
            details["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
        }

        return details;
    }

    private static JsonObject StateDetails(string field, string name, string payloadJson) => new()
    {
        ["name"] = name,
        [field] = payloadJson,
        [field + "Details"] = new JsonObject { ["truncated"] = false },
    };
}
