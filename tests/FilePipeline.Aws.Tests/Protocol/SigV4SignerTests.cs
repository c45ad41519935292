using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using FilePipeline.Aws.Protocol;

namespace FilePipeline.Aws.Tests.Protocol;

/// <summary>AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service").</summary>
public sealed class SigV4SignerTests
{
    private static readonly SigV4Credentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static readonly SigV4Scope Scope = new(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero), "us-east-1", "service");

    // The vectors, in order: get-vanilla, get-vanilla-query-order-key-case, get-utf8, post-vanilla.
    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("GET", "https://example.amazonaws.com/\u1234", "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void The_signature_matches_the_published_test_vector(string method, string url, string expectedSignature)
    {
        var request = new SigV4Request(method, new Uri(url), [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], SigV4Signer.EmptyPayloadHash);

        var authorization = SigV4Signer.CreateAuthorization(request, Example, Scope);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={expectedSignature}",
            authorization);
    }

    [Fact]
    public void The_canonical_request_of_get_vanilla_is_the_published_one()
    {
        var request = new SigV4Request("GET", new Uri("https://example.amazonaws.com/"), [new("Host", "example.amazonaws.com"), new("X-Amz-Date", "20150830T123600Z")], SigV4Signer.EmptyPayloadHash);

        var (canonical, signedHeaders) = SigV4Signer.CanonicalRequest(request);

        Assert.Equal("GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", canonical);
        Assert.Equal("host;x-amz-date", signedHeaders);
    }

    [Fact]
    public void Header_values_are_trimmed_and_inner_runs_of_spaces_collapsed()
    {
        var request = new SigV4Request("GET", new Uri("https://example.amazonaws.com/"), [new("My-Header1", "  value1   with  spaces "), new("Host", "example.amazonaws.com")], SigV4Signer.EmptyPayloadHash);

        var (canonical, signedHeaders) = SigV4Signer.CanonicalRequest(request);

        Assert.Contains("my-header1:value1 with spaces\n", canonical, StringComparison.Ordinal);
        Assert.Equal("host;my-header1", signedHeaders);
    }

    [Fact]
    public void A_json_post_with_a_session_token_signs_like_the_aws_sdk_signer()
    {
        var body = Encoding.UTF8.GetBytes("""{"stateMachineArn":"arn:aws:states:eu-west-1:123456789012:stateMachine:x","input":"{}"}""");
        var scope = new SigV4Scope(new DateTimeOffset(2026, 11, 28, 9, 15, 42, TimeSpan.Zero), "eu-west-1", "states");
        var credentials = new SigV4Credentials("AKIDEXAMPLE", "secret/with+chars", "session-token");
        var request = new SigV4Request(
            "POST",
            new Uri("https://sync-states.eu-west-1.amazonaws.com/"),
            [
                new("Host", "sync-states.eu-west-1.amazonaws.com"),
                new("Content-Type", "application/x-amz-json-1.0"),
                new("X-Amz-Date", scope.AmzDate),
                new("X-Amz-Target", "AWSStepFunctions.StartSyncExecution"),
                new("X-Amz-Security-Token", "session-token"),
            ],
            SigV4Signer.HashHex(body));

        var authorization = SigV4Signer.CreateAuthorization(request, credentials, scope);

        var (canonical, signedHeaders) = SigV4Signer.CanonicalRequest(request);
        var sdk = AWS4Signer.ComputeSignature(new ImmutableCredentials("AKIDEXAMPLE", "secret/with+chars", "session-token"), "eu-west-1", scope.SignedAt.UtcDateTime, "states", signedHeaders, canonical);
        Assert.Equal(sdk.ForAuthorizationHeader, authorization);
        Assert.Equal("content-type;host;x-amz-date;x-amz-security-token;x-amz-target", signedHeaders);
    }
}
