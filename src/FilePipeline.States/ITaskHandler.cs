using System.Text.Json.Nodes;

namespace FilePipeline.States;

/// <summary>
/// Serves the Task states of one resource ARN. Report a task failure by throwing
/// <see cref="TaskFailedException"/>; any other exception fails the state with States.TaskFailed.
/// </summary>
public interface ITaskHandler
{
    Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken);
}
