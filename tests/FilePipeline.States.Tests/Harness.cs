using System.Text.Json.Nodes;
using FilePipeline.States.History;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.States.Tests;

/// <summary>Loads test definitions from Definitions/ and runs them on a fake clock.</summary>
internal sealed class Harness
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public TaskHandlerRegistry Handlers { get; } = new();

    public StateMachineEngineOptions Options { get; set; } = new() { JitterSource = () => 0.5 };

    public static string ReadDefinition(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Definitions", file));

    public static StateMachineDefinition Load(string file) => Parse(ReadDefinition(file));

    public static StateMachineDefinition Parse(string json)
    {
        var parsed = StateMachineDefinition.Parse(json);
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Errors));
        return parsed.Definition;
    }

    public Harness Handle(string resource, Func<TaskRequest, JsonNode?> handler)
    {
        Handlers.Register(resource, (request, _) => Task.FromResult(handler(request)));
        return this;
    }

    /// <summary>
    /// Registers arn:aws:states:::slow, a task that waits an hour on the fake clock; the returned probe
    /// says whether it was cancelled (waiting a bounded time for the handler to see it: its
    /// continuation may run on the thread pool after the execution has ended).
    /// </summary>
    public Func<bool> HandleSlowTask()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Handlers.Register("arn:aws:states:::slow", async (_, ct) =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), Clock, ct);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult();
                throw;
            }

            return null;
        });
        return () => cancelled.Task.Wait(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Runs the execution, advancing the fake clock one second at a time while it waits. The engine
    /// starts without xunit's SynchronizationContext so that timer continuations run inline within
    /// Advance, making every delay land exactly on the fake clock.
    /// </summary>
    public Task<ExecutionResult> RunAsync(string file, string? input = "{}") => RunAsync(Load(file), input);

    /// <inheritdoc cref="RunAsync(string, string?)"/>
    public async Task<ExecutionResult> RunAsync(StateMachineDefinition definition, string? input = "{}")
    {
        var engine = new StateMachineEngine(Handlers, Clock, Options);
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        var run = engine.StartExecutionAsync(definition, input, "test-execution");
        SynchronizationContext.SetSynchronizationContext(context);
        for (var step = 0; step < 100_000 && !run.IsCompleted; step++)
        {
            // Some of the engine's continuations resume on the thread pool (a Map's MaxConcurrency slot
            // handed on by SemaphoreSlim): the clock waits for them, or a loaded machine lets the loop race
            // it past the execution's deadline before they run.
            while (ThreadPool.PendingWorkItemCount > 0 && !run.IsCompleted)
            {
                await Task.Yield();
            }

            // Advanced without xunit's SynchronizationContext too: on a thread that has one, .NET does not
            // inline a context-free continuation but queues it to the thread pool, and on a loaded machine
            // the loop then raced the clock past the execution's deadline before the engine ran.
            SynchronizationContext.SetSynchronizationContext(null);
            Clock.Advance(TimeSpan.FromSeconds(1));
            SynchronizationContext.SetSynchronizationContext(context);
            await Task.Yield();
        }

        return await run;
    }

    public static JsonNode? Output(ExecutionResult result)
    {
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.StatusText}: {result.Error}: {result.Cause}");
        return JsonNode.Parse(result.Output!);
    }

    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString() ?? "null"}");

    public static IEnumerable<string> Types(ExecutionResult result) => result.History.Select(e => e.Type);

    public static HistoryEvent Single(ExecutionResult result, string type) => Assert.Single(result.History, e => e.Type == type);
}
