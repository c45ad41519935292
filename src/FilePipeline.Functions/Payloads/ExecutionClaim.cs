using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Payloads;

/// <summary>Which execution holds the claim on the file (written by ClaimFile from <c>$$.Execution.Id</c>).</summary>
public sealed record ExecutionClaim([property: JsonPropertyName("executionId")] string ExecutionId);
