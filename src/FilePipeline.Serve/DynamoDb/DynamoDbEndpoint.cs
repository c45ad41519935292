using FilePipeline.Local.Table;
using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.DynamoDb;

/// <summary>DynamoDB's JSON 1.0 API over the embedded table, which speaks DynamoDB's request and response JSON itself.</summary>
public sealed class DynamoDbEndpoint(EmbeddedDynamoDb table)
{
    private const string TypePrefix = "com.amazonaws.dynamodb.v20120810";

    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "DescribeTable", "ListTables",
    };

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var operation = ServiceRouter.JsonOperation(context.Request);
        if (!Operations.Contains(operation))
        {
            throw new AwsErrorException("UnknownOperationException", $"serve does not offer the DynamoDB operation {operation}.");
        }

        try
        {
            var response = await table.ExecuteAsync(operation, JsonProtocol.Parse(body), context.RequestAborted);
            await JsonProtocol.WriteAsync(context.Response, response);
        }
        catch (DynamoDbException e)
        {
            await JsonProtocol.WriteAsync(context.Response, e.ToWireJson(), status: 400);
        }
    }

    public static Task WriteErrorAsync(HttpContext context, AwsErrorException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonProtocol.WriteErrorAsync(context.Response, error, TypePrefix);
    }
}
