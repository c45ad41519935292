using System.Text.Json;

namespace FilePipeline.Core.Ports;

/// <summary>Starts the file-processing state machine and waits for it (StartSyncExecution on AWS).</summary>
public interface IWorkflowStarter
{
    /// <summary>
    /// Runs one execution to its end. A FAILED or TIMED_OUT execution is a result, not an exception;
    /// exceptions mean the execution could not be started.
    /// </summary>
    Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken);
}

public enum WorkflowStatus
{
    Succeeded,
    Failed,
    TimedOut,
}

/// <summary>The fields of a StartSyncExecution response the pipeline uses.</summary>
public sealed record WorkflowResult(string ExecutionArn, WorkflowStatus Status, string? Output, string? Error, string? Cause)
{
    /// <summary>
    /// The output's <c>outcome</c> (PROCESSED, DUPLICATE, REJECTED: architecture.md §3), read once here for
    /// everyone who reports it; null when the output has none or is not a JSON object.
    /// </summary>
    public string? Outcome { get; } = OutcomeOf(Output);

    private static string? OutcomeOf(string? output)
    {
        if (output is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(output);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("outcome", out var outcome)
                && outcome.ValueKind == JsonValueKind.String
                ? outcome.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
