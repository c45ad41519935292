using System.Text.Json.Nodes;

namespace FilePipeline.Host.Integrations;

/// <summary>
/// One DynamoDB operation by its API name and JSON request, as the state machine's dynamodb:* tasks
/// call it; a service error is thrown as a <see cref="States.TaskFailedException"/> named DynamoDB.{ErrorName}.
/// </summary>
public delegate Task<JsonObject> TableOperation(string operation, JsonObject request, CancellationToken cancellationToken);
