using System.Text.Json.Nodes;

namespace FilePipeline.States;

/// <summary>
/// Task handlers by resource ARN, with an optional fallback for unregistered resources
/// (mock configurations answer per state name, whatever the resource).
/// </summary>
public sealed class TaskHandlerRegistry
{
    private readonly Dictionary<string, ITaskHandler> handlers = new(StringComparer.Ordinal);

    /// <summary>Serves every resource without a registered handler, when set.</summary>
    public ITaskHandler? Fallback { get; set; }

    public TaskHandlerRegistry Register(string resource, ITaskHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentNullException.ThrowIfNull(handler);
        handlers[resource] = handler;
        return this;
    }

    public TaskHandlerRegistry Register(string resource, Func<TaskRequest, CancellationToken, Task<JsonNode?>> handler) =>
        Register(resource, new DelegateTaskHandler(handler));

    internal ITaskHandler? Find(string resource) => handlers.TryGetValue(resource, out var handler) ? handler : Fallback;

    private sealed class DelegateTaskHandler(Func<TaskRequest, CancellationToken, Task<JsonNode?>> handler) : ITaskHandler
    {
        public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken) => handler(request, cancellationToken);
    }
}
