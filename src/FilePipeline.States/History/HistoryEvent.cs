using System.Text.Json.Nodes;

namespace FilePipeline.States.History;

/// <summary>
/// One event of an execution's history, as AWS's GetExecutionHistory returns it: <see cref="Type"/>
/// is the AWS event type (TaskStateEntered, TaskScheduled, ExecutionSucceeded …) and
/// <see cref="Details"/> the content of its <c>…EventDetails</c> member, if the type has one.
/// </summary>
public sealed class HistoryEvent
{
    public required long Id { get; init; }

    public required long PreviousEventId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Type { get; init; }

    private readonly Func<JsonObject>? detailsFactory;
    private JsonObject? details;

    /// <summary>The event's details; built on first read, so recording history stays cheap.</summary>
    public JsonObject? Details
    {
        get => details ??= detailsFactory?.Invoke();
        init => details = value;
    }

    internal Func<JsonObject>? DetailsFactory
    {
        init => detailsFactory = value;
    }

    /// <summary>The AWS member name that holds <see cref="Details"/>, e.g. <c>stateEnteredEventDetails</c>.</summary>
    public string DetailsMemberName => DetailsMemberNameOf(Type);

    internal static string DetailsMemberNameOf(string type)
    {
        if (type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            return "stateEnteredEventDetails";
        }

        if (type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            return "stateExitedEventDetails";
        }

        return string.Concat(char.ToLowerInvariant(type[0]).ToString(), type.AsSpan(1), "EventDetails");
    }
}
