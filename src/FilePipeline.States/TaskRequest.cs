using System.Text.Json.Nodes;

namespace FilePipeline.States;

/// <summary>What a Task state hands to its <see cref="ITaskHandler"/>.</summary>
public sealed class TaskRequest
{
    private readonly Func<JsonObject> contextFactory;
    private JsonObject? context;

    internal TaskRequest(Func<JsonObject> contextFactory) => this.contextFactory = contextFactory;

    /// <summary>The state's Resource ARN, e.g. <c>arn:aws:states:::lambda:invoke</c>.</summary>
    public required string Resource { get; init; }

    /// <summary>The Task state's name.</summary>
    public required string StateName { get; init; }

    /// <summary>The effective input: the state input after InputPath and Parameters.</summary>
    public required JsonNode? Input { get; init; }

    /// <summary>TimeoutSeconds (or TimeoutSecondsPath's value), when the state has one.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Retries of this state so far (the context object's State.RetryCount).</summary>
    public int RetryCount { get; init; }

    /// <summary>The context object (<c>$$</c>): Execution, State, StateMachine; built on first use.</summary>
    public JsonObject Context => context ??= contextFactory();
}
