using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Sqs;

/// <summary>SQS's JSON protocol (AWSSDK.SQS 4): <c>X-Amz-Target: AmazonSQS.{Operation}</c>, JSON 1.0 bodies.</summary>
public sealed class SqsJsonEndpoint(SqsQueues queues)
{
    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = JsonProtocol.Parse(body);
        var response = await queues.ExecuteAsync(ServiceRouter.JsonOperation(context.Request), request, EndpointUrl.Of(context.Request), context.RequestAborted);
        await JsonProtocol.WriteAsync(context.Response, response);
    }

    public static Task WriteErrorAsync(HttpContext context, AwsErrorException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.Headers["x-amzn-query-error"] = $"{error.Code};{SqsErrorCodes.FaultOf(error.Status)}";
        var shaped = new AwsErrorException(SqsErrorCodes.JsonShape(error.Code), error.Message, error.Status);
        return JsonProtocol.WriteErrorAsync(context.Response, shaped, "com.amazonaws.sqs");
    }
}
