using System.Security.Cryptography;
using FilePipeline.Serve.DynamoDb;
using FilePipeline.Serve.Logs;
using FilePipeline.Serve.Protocol;
using FilePipeline.Serve.S3;
using FilePipeline.Serve.Signing;
using FilePipeline.Serve.Sqs;
using FilePipeline.Serve.StepFunctions;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve;

/// <summary>
/// Every request: which service it is for, whether its SigV4 signature holds, then that service's
/// endpoint; any failure is answered in the service's own error format.
/// </summary>
public sealed class ServeRequestHandler(
    SigV4Verifier verifier,
    S3Endpoint s3,
    DynamoDbEndpoint dynamoDb,
    SqsJsonEndpoint sqsJson,
    SqsQueryEndpoint sqsQuery,
    StepFunctionsEndpoint stepFunctions,
    LogsEndpoint logs,
    TextWriter log)
{
    /// <summary>JSON and Query requests are small; this bounds what is buffered to check their payload hash.</summary>
    private const int MaxBufferedBody = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = AwsService.S3;
        try
        {
            var signature = SignedRequest.Parse(context.Request);
            service = ServiceRouter.Identify(context.Request, signature);
            if (service == AwsService.S3)
            {
                verifier.Verify(context.Request, signature, service, S3Body.PayloadHash(context.Request));
                await s3.HandleAsync(context, signature);
                return;
            }

            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            verifier.Verify(context.Request, signature, service, SigV4Verifier.Hex(SHA256.HashData(body)));
            await (service switch
            {
                AwsService.DynamoDb => dynamoDb.HandleAsync(context, body),
                AwsService.SqsJson => sqsJson.HandleAsync(context, body),
                AwsService.SqsQuery => sqsQuery.HandleAsync(context, body),
                AwsService.Logs => logs.HandleAsync(context, body),
                _ => stepFunctions.HandleAsync(context, body),
            });
        }
        catch (AwsErrorException error) when (!context.Response.HasStarted)
        {
            await WriteErrorAsync(context, service, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; whatever it was uploading was not committed.
        }
#pragma warning disable CA1031 // Any other failure is the server's: answer 500 in the service's format and keep serving.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await log.WriteLineAsync($"serve: {context.Request.Method} {context.Request.Path} failed: {e.GetType().Name}: {e.Message}");
            if (!context.Response.HasStarted)
            {
                await WriteErrorAsync(context, service, new AwsErrorException(service == AwsService.S3 ? "InternalError" : "InternalFailure", "We encountered an internal error. Please try again.", 500));
            }
        }
    }

    private static Task WriteErrorAsync(HttpContext context, AwsService service, AwsErrorException error)
    {
        context.Response.Clear();
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        return service switch
        {
            AwsService.S3 => S3Xml.WriteErrorAsync(context, error),
            AwsService.DynamoDb => DynamoDbEndpoint.WriteErrorAsync(context, error),
            AwsService.SqsJson => SqsJsonEndpoint.WriteErrorAsync(context, error),
            AwsService.SqsQuery => SqsQueryEndpoint.WriteErrorAsync(context, error),
            AwsService.Logs => LogsEndpoint.WriteErrorAsync(context, error),
            _ => StepFunctionsEndpoint.WriteErrorAsync(context, error),
        };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBufferedBody)
        {
            throw new AwsErrorException("RequestEntityTooLarge", $"The request body exceeds {MaxBufferedBody} bytes.", 413);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.Length <= MaxBufferedBody ? buffer.ToArray() : throw new AwsErrorException("RequestEntityTooLarge", $"The request body exceeds {MaxBufferedBody} bytes.", 413);
    }
}
