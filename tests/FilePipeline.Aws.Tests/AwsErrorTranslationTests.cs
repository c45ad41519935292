using System.Net;
using Amazon.Runtime;

namespace FilePipeline.Aws.Tests;

public sealed class AwsErrorTranslationTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "SlowDown", true)]
    [InlineData(HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException", true)]
    [InlineData(HttpStatusCode.BadRequest, "ThrottlingException", true)]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException", false)]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied", false)]
    public void Throttling_and_server_faults_are_transient_and_client_faults_are_not(HttpStatusCode status, string code, bool transient)
    {
        var exception = new AmazonServiceException("failed") { StatusCode = status, ErrorCode = code };

        Assert.Equal(transient, AwsErrorTranslation.IsTransient(exception));
    }

    [Fact]
    public void A_client_exception_without_a_network_cause_is_our_own_mistake_not_transient()
    {
        Assert.False(AwsErrorTranslation.IsTransient(new AmazonClientException("bucket name is required")));
        Assert.True(AwsErrorTranslation.IsTransient(new AmazonClientException("no route", new HttpRequestException("connection refused"))));
    }

    [Fact]
    public void A_transient_failure_becomes_storage_unavailable_keeping_the_cause()
    {
        var cause = new AmazonServiceException("busy") { StatusCode = HttpStatusCode.ServiceUnavailable };

        var translated = AwsErrorTranslation.Unavailable("GetObject s3://b/k", cause);

        Assert.Same(cause, translated.InnerException);
        Assert.False(translated.IsPermanent);
        Assert.StartsWith("GetObject s3://b/k failed transiently", translated.Message, StringComparison.Ordinal);
    }
}
