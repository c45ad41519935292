using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using FilePipeline.Aws.Protocol;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.DynamoDb;

/// <summary>
/// Runs a DynamoDB API request given as JSON (the shape of the state machine's
/// <c>arn:aws:states:::dynamodb:*</c> task Parameters) against real DynamoDB, so the very same
/// requests can be checked against DynamoDB Local. Errors keep DynamoDB's names
/// (<see cref="AwsServiceException.ErrorCode"/>, e.g. <c>ConditionalCheckFailedException</c>).
/// </summary>
public sealed class DynamoDbJsonClient(AwsJsonClient client, AwsJsonEndpoint endpoint) : ITableClient
{
    /// <summary>Region from <c>AWS_REGION</c>, endpoint from <c>AWS_ENDPOINT_URL_DYNAMODB</c>/<c>AWS_ENDPOINT_URL</c>, AWSSDK.Core's credential chain.</summary>
    public static DynamoDbJsonClient FromEnvironment(Func<string, string?>? environment = null, AWSCredentials? credentials = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var region = AwsJsonEndpoint.RegionFrom(environment);
        var json = new AwsJsonClient(new HttpClient(), credentials ?? DefaultAWSCredentialsIdentityResolver.GetCredentials(), TimeProvider.System);
        return new DynamoDbJsonClient(json, AwsJsonEndpoint.Resolve("DYNAMODB", "dynamodb", region, "dynamodb", "DynamoDB_20120810", environment));
    }

    /// <param name="operation">The API name as the integration ARN spells it (<c>getItem</c>) or as the API does (<c>GetItem</c>).</param>
    public Task<JsonObject> ExecuteAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        var apiName = char.ToUpperInvariant(operation[0]) + operation[1..];
        return client.SendAsync(endpoint, apiName, request, cancellationToken);
    }

    public (string ErrorName, string Message)? DescribeError(Exception exception) => exception is AwsServiceException e ? (e.ErrorCode, e.ServiceMessage) : null;
}
