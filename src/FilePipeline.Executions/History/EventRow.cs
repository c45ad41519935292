namespace FilePipeline.Executions.History;

/// <summary>One line of the event table, like the console's Table view.</summary>
/// <param name="State">The state the event belongs to; null for execution-level events.</param>
/// <param name="Elapsed">Time since the execution started.</param>
/// <param name="Detail">The error and cause of a failure event, or a task's resource.</param>
public sealed record EventRow(long Id, string Type, string? State, DateTimeOffset Timestamp, TimeSpan Elapsed, bool IsFailure, string? Detail);
