using System.Collections.Concurrent;
using FilePipeline.Core.Ports;

namespace FilePipeline.Functions.Tests.Fakes;

/// <summary>Answers each start with <see cref="Run"/> and tracks how many executions run at once.</summary>
internal sealed class FakeWorkflowStarter : IWorkflowStarter
{
    private int running;

    public ConcurrentQueue<(string Name, string Input)> Starts { get; } = new();

    public Func<string, string, Task<WorkflowResult>> Run { get; set; } = (name, _) => Task.FromResult(Succeeded(name, "PROCESSED"));

    public int MaxRunning { get; private set; }

    public static WorkflowResult Succeeded(string name, string outcome) =>
        new($"arn:aws:states:us-east-1:123456789012:express:file-processing:{name}:1", WorkflowStatus.Succeeded, $$"""{"fileId":"f","outcome":"{{outcome}}"}""", null, null);

    public async Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken)
    {
        Starts.Enqueue((name, input));
        var running = Interlocked.Increment(ref this.running);
        lock (Starts)
        {
            MaxRunning = Math.Max(MaxRunning, running);
        }

        try
        {
            return await Run(name, input);
        }
        finally
        {
            Interlocked.Decrement(ref this.running);
        }
    }
}
