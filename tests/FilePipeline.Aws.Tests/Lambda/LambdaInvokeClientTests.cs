using Amazon.Runtime;
using FilePipeline.Aws.Lambda;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.Tests.Protocol;

namespace FilePipeline.Aws.Tests.Lambda;

public sealed class LambdaInvokeClientTests
{
    private static readonly ImmutableCredentials Identity = new("AKIDLAMBDA", "lambda-secret", null);

    private static LambdaInvokeClient ClientFor(SigV4VerifyingServer server) => LambdaInvokeClient.Create(
        new HttpClient(),
        new AwsRequestSigner(new BasicAWSCredentials(Identity.AccessKey, Identity.SecretKey), TimeProvider.System),
        "us-east-1",
        name => name == "AWS_ENDPOINT_URL_LAMBDA" ? server.Url.ToString() : null);

    [Fact]
    public async Task An_event_invoke_posts_the_payload_to_the_named_function_and_takes_202()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (202, ""));

        await ClientFor(server).InvokeAsync("arn:aws:lambda:us-east-1:123456789012:function:fp-ValidateUploadFunction-AbC:$LATEST", """{"Records":[]}""", CancellationToken.None);

        var request = Assert.Single(server.Received);
        Assert.Equal(("POST", "/2015-03-31/functions/fp-ValidateUploadFunction-AbC/invocations"), (request.Method, request.Path));
        Assert.Equal("Event", request.Headers["X-Amz-Invocation-Type"]);
        Assert.Equal("""{"Records":[]}""", request.Body);
        Assert.Contains("/us-east-1/lambda/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_invoke_is_an_error()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (404, """{"__type":"ResourceNotFoundException","message":"Function not found"}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ClientFor(server).InvokeAsync("gone", "{}", CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
    }

    [Theory]
    [InlineData("fp-Validate", "fp-Validate", null)]
    [InlineData("arn:aws:lambda:eu-west-1:1:function:fp-Validate", "fp-Validate", null)]
    [InlineData("arn:aws:lambda:eu-west-1:1:function:fp-Validate:live", "fp-Validate", "live")]
    public void A_function_is_invoked_by_its_name_and_qualifier(string function, string name, string? qualifier)
    {
        Assert.Equal((name, qualifier), LambdaInvokeClient.FunctionOf(function));
    }

    [Fact]
    public void A_failed_invocation_record_gives_the_function_and_the_event()
    {
        var record = FailedInvocationRecord.Parse("""
            {"version":"1.0","timestamp":"2019-11-14T18:16:05.568Z","requestContext":{"requestId":"e4b46cbf","functionArn":"arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST","condition":"RetriesExhausted","approximateInvokeCount":3},
             "requestPayload":{"ORDER_IDS":["9e07af03"]},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"responsePayload":{"errorMessage":"boom"}}
            """);

        Assert.Equal("arn:aws:lambda:us-east-2:123456789012:function:my-function:$LATEST", record.FunctionArn);
        Assert.Equal("""{"ORDER_IDS":["9e07af03"]}""", record.RequestPayload);
        Assert.Throws<FormatException>(() => FailedInvocationRecord.Parse("""{"bucket":"b","key":"k"}"""));
    }
}
