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

    /// <summary>
    /// A table's operation whose service errors fail the task as Step Functions names them,
    /// <c>DynamoDB.{ErrorName}</c>: the one mapping for the embedded table and DynamoDB alike.
    /// </summary>
    /// <param name="describe">The DynamoDB error name and message of a <typeparamref name="TError"/>; null rethrows it as it is.</param>
    public static TableOperation NamingErrors<TError>(TableOperation execute, Func<TError, (string ErrorName, string Message)?> describe)
        where TError : Exception
    {
        ArgumentNullException.ThrowIfNull(execute);
        ArgumentNullException.ThrowIfNull(describe);
        return async (operation, request, cancellationToken) =>
        {
            try
            {
                return await execute(operation, request, cancellationToken);
            }
            catch (TError e) when (describe(e) is (var errorName, var message))
            {
                throw new TaskFailedException("DynamoDB." + errorName, message);
            }
        };
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
