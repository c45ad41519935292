using System.Text.Json.Nodes;

namespace FilePipeline.Executions.History;

/// <summary>What DescribeExecution says about one execution.</summary>
/// <param name="Status">SUCCEEDED, FAILED, TIMED_OUT (or RUNNING, ABORTED).</param>
public sealed record ExecutionSummary(
    string ExecutionArn,
    string Name,
    string Status,
    DateTimeOffset StartDate,
    DateTimeOffset? StopDate,
    string? Input,
    string? Output,
    string? Error,
    string? Cause)
{
    /// <summary>Reads DescribeExecution's JSON shape (dates as ISO 8601 text or epoch seconds).</summary>
    /// <exception cref="FormatException">A required field is missing.</exception>
    public static ExecutionSummary FromJson(string describeExecutionJson)
    {
        JsonObject json = JsonNode.Parse(describeExecutionJson) as JsonObject
            ?? throw new FormatException("The execution summary is not a JSON object.");
        return new ExecutionSummary(
            JsonFields.Text(json, "executionArn") ?? "",
            JsonFields.Text(json, "name") ?? "",
            JsonFields.Text(json, "status") ?? throw new FormatException("The execution summary has no status."),
            JsonFields.Timestamp(json["startDate"]) ?? throw new FormatException("The execution summary has no startDate."),
            JsonFields.Timestamp(json["stopDate"]),
            JsonFields.Text(json, "input"),
            JsonFields.Text(json, "output"),
            JsonFields.Text(json, "error"),
            JsonFields.Text(json, "cause"));
    }
}
