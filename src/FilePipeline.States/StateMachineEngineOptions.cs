using FilePipeline.States.History;

namespace FilePipeline.States;

/// <summary>Settings of a <see cref="StateMachineEngine"/>; defaults mirror an express machine in us-east-1.</summary>
public sealed record StateMachineEngineOptions
{
    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    /// <summary>Used in ARNs and the context object's StateMachine.Name.</summary>
    public string StateMachineName { get; init; } = "StateMachine";

    public string RoleArn { get; init; } = "arn:aws:iam::123456789012:role/StepFunctionsRole";

    /// <summary>Express executions get express ARNs (…:express:machine:name:id), standard ones …:execution:machine:name.</summary>
    public bool Express { get; init; } = true;

    /// <summary>Skip Wait states and Retry intervals (CLI <c>--no-wait</c>); timestamps still come from the TimeProvider.</summary>
    public bool SkipDelays { get; init; }

    /// <summary>Random numbers in [0, 1) for JitterStrategy FULL; injectable for tests.</summary>
    public Func<double> JitterSource { get; init; } = Random.Shared.NextDouble;

    /// <summary>Called synchronously, in order, for every history event as it is recorded.</summary>
    public Action<HistoryEvent>? OnHistoryEvent { get; init; }

    public string StateMachineArn => $"arn:aws:states:{Region}:{AccountId}:stateMachine:{StateMachineName}";
}
