namespace FilePipeline.States.Store;

/// <summary>One stored execution; <see cref="Status"/> is RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED (its process died mid-run).</summary>
public sealed record ExecutionRecord
{
    public required long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Known once the execution has ended.</summary>
    public string? ExecutionArn { get; init; }

    /// <summary>The state machine it ran (null for executions stored before definitions were kept).</summary>
    public string? StateMachineArn { get; init; }

    public string? FileId { get; init; }

    public string? VersionId { get; init; }

    public required string Status { get; init; }

    public required string Input { get; init; }

    public string? Output { get; init; }

    /// <summary>The output's <c>outcome</c> (PROCESSED, DUPLICATE, REJECTED) when it has one.</summary>
    public string? Outcome { get; init; }

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public required DateTimeOffset StartDate { get; init; }

    public DateTimeOffset? StopDate { get; init; }
}
