using FilePipeline.Serve.Signing;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Protocol;

/// <summary>
/// Tells which service a request is for, the way the AWS endpoints' hosts would: JSON protocols
/// name their operation in X-Amz-Target, SQS's Query protocol posts an Action form, the
/// signature's credential scope names the service, and everything else is S3's REST API.
/// </summary>
public static class ServiceRouter
{
    public static AwsService Identify(HttpRequest request, SignedRequest? signature)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            return target switch
            {
                _ when target.StartsWith("DynamoDB_20120810.", StringComparison.Ordinal) => AwsService.DynamoDb,
                _ when target.StartsWith("AmazonSQS.", StringComparison.Ordinal) => AwsService.SqsJson,
                _ when target.StartsWith("AWSStepFunctions.", StringComparison.Ordinal) => AwsService.StepFunctions,
                _ when target.StartsWith("Logs_20140328.", StringComparison.Ordinal) => AwsService.Logs,
                _ => throw new AwsErrorException("UnknownOperationException", $"serve does not implement the operation {target}."),
            };
        }

        var isForm = request.HasFormContentType && HttpMethods.IsPost(request.Method);
        return signature?.Service switch
        {
            "sqs" => AwsService.SqsQuery,
            "dynamodb" => AwsService.DynamoDb,
            "states" => AwsService.StepFunctions,
            "logs" => AwsService.Logs,
            "s3" => AwsService.S3,
            _ when isForm && request.Query.ContainsKey("Action") => AwsService.SqsQuery,
            _ => AwsService.S3,
        };
    }

    /// <summary>The operation name of a JSON-protocol request (after the target's dot).</summary>
    public static string JsonOperation(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers["X-Amz-Target"].ToString();
        return target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
    }
}
