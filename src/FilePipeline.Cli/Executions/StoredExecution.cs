using FilePipeline.Local.Hosting.Executions;
using FilePipeline.States.History;

namespace FilePipeline.Cli.Executions;

/// <summary>What `executions show` renders: the stored execution, its history and the states it passed through.</summary>
internal sealed record StoredExecution(ExecutionRecord Execution, IReadOnlyList<FilePipeline.States.History.HistoryEvent> History)
{
    /// <summary>The entered states in order, e.g. CheckLedger → IsSettled → ClaimFile → ….</summary>
    public IReadOnlyList<string> Path { get; } = [.. History
        .Where(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
        .Select(e => e.Details?["name"]?.GetValue<string>() ?? "?")];
}
