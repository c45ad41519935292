using System.Text.Json.Nodes;
using FilePipeline.States;

namespace FilePipeline.Host.Integrations;

/// <summary>
/// <c>arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem</c> on a table (the embedded
/// one, or DynamoDB itself): Parameters are the DynamoDB request; errors fail the task as <c>DynamoDB.{ErrorName}</c>.
/// </summary>
public sealed class DynamoDbTaskHandler(TableOperation table, string operation) : ITaskHandler
{
    public static IReadOnlyDictionary<string, string> Operations { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["arn:aws:states:::dynamodb:getItem"] = "GetItem",
        ["arn:aws:states:::dynamodb:putItem"] = "PutItem",
        ["arn:aws:states:::dynamodb:updateItem"] = "UpdateItem",
        ["arn:aws:states:::dynamodb:deleteItem"] = "DeleteItem",
    };

    /// <summary>Registers all four DynamoDB integrations.</summary>
    public static TaskHandlerRegistry RegisterAll(TaskHandlerRegistry registry, TableOperation table)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (resource, operation) in Operations)
        {
            registry.Register(resource, new DynamoDbTaskHandler(table, operation));
        }

        return registry;
    }

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Input is not JsonObject parameters)
        {
            throw new TaskFailedException("DynamoDB.ValidationException", $"{operation} needs its request as the task's Parameters object.");
        }

        return await table(operation, parameters.DeepClone().AsObject(), cancellationToken);
    }
}
