using Amazon.Runtime;
using FilePipeline.Aws.CloudFormation;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.Sts;
using FilePipeline.Aws.Tests.Protocol;

namespace FilePipeline.Aws.Tests.Sts;

public sealed class QueryClientsTests
{
    private static readonly ImmutableCredentials Identity = new("AKIDQUERY", "query-secret", "token-1");

    private static AwsQueryClient Client() => new(new HttpClient(), new SessionAWSCredentials(Identity.AccessKey, Identity.SecretKey, Identity.Token), TimeProvider.System);

    private static Func<string, string?> Endpoint(SigV4VerifyingServer server) => name => name == "AWS_ENDPOINT_URL" ? server.Url.ToString() : null;

    [Fact]
    public async Task GetCallerIdentity_reads_the_account_from_AWSs_documented_answer()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/Alice</Arn>
                <UserId>AKIAI44QH8DHBEXAMPLE</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """));

        var identity = await StsClient.Create(Client(), "eu-central-1", Endpoint(server)).GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/Alice"), identity);
        var request = Assert.Single(server.Received);
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", request.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("/eu-central-1/sts/aws4_request", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("token-1", request.Headers["X-Amz-Security-Token"]);
    }

    [Fact]
    public async Task DescribeStacks_reads_the_outputs_of_AWSs_documented_answer()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (200, """
            <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <DescribeStacksResult>
                <Stacks>
                  <member>
                    <StackName>MyStack</StackName>
                    <StackId>arn:aws:cloudformation:us-east-1:123456789:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83</StackId>
                    <CreationTime>2010-07-27T22:28:28Z</CreationTime>
                    <StackStatus>CREATE_COMPLETE</StackStatus>
                    <DisableRollback>false</DisableRollback>
                    <Outputs>
                      <member><OutputKey>StartPage</OutputKey><OutputValue>http://my-load-balancer.amazonaws.com:80/index.html</OutputValue></member>
                      <member><OutputKey>WorkQueueUrl</OutputKey><OutputValue>https://sqs.us-east-1.amazonaws.com/123456789/MyStack-WorkQueue-1A2B3C</OutputValue></member>
                    </Outputs>
                  </member>
                </Stacks>
              </DescribeStacksResult>
              <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
            </DescribeStacksResponse>
            """));

        var stack = await CloudFormationClient.Create(Client(), "us-east-1", Endpoint(server)).DescribeStackAsync("MyStack", CancellationToken.None);

        Assert.Equal(("MyStack", "CREATE_COMPLETE"), (stack.StackName, stack.Status));
        Assert.Equal("https://sqs.us-east-1.amazonaws.com/123456789/MyStack-WorkQueue-1A2B3C", stack.Outputs["WorkQueueUrl"]);
        Assert.Equal(2, stack.Outputs.Count);
        Assert.Equal("Action=DescribeStacks&Version=2010-05-15&StackName=MyStack", Assert.Single(server.Received).Body);
    }

    [Fact]
    public async Task A_stack_that_does_not_exist_is_named_with_the_region()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (400, """
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
              <Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id nope does not exist</Message></Error>
              <RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId>
            </ErrorResponse>
            """));

        var error = await Assert.ThrowsAsync<StackNotFoundException>(() => CloudFormationClient.Create(Client(), "eu-west-3", Endpoint(server)).DescribeStackAsync("nope", CancellationToken.None));

        Assert.Equal("no stack 'nope' in eu-west-3 (deployed to another region? pass --region, or set AWS_REGION).", error.Message);
    }

    [Fact]
    public async Task Other_query_errors_keep_AWSs_code_and_message()
    {
        await using var server = new SigV4VerifyingServer(Identity, _ => (403, """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>
            """));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => StsClient.Create(Client(), "us-east-1", Endpoint(server)).GetCallerIdentityAsync(CancellationToken.None));

        Assert.Equal(("InvalidClientTokenId", "The security token included in the request is invalid.", "r-1"), (error.ErrorCode, error.ServiceMessage, error.RequestId));
    }
}
