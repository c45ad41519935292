using System.Text.Json.Nodes;

namespace FilePipeline.Core.Ports;

/// <summary>A DynamoDB table reached by API name and JSON request, as the state machine's dynamodb:* tasks call it (the embedded table, or DynamoDB).</summary>
public interface ITableClient
{
    Task<JsonObject> ExecuteAsync(string operation, JsonObject request, CancellationToken cancellationToken);

    /// <summary>The DynamoDB error name and message of a service error this table threw; null for any other exception.</summary>
    (string ErrorName, string Message)? DescribeError(Exception exception);
}
