using System.Net;
using System.Text;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Aws.Tests.S3;

/// <summary>
/// The emulator has no versioning, so the pinned-version request is checked against a stub S3
/// that records what it receives and answers as S3 does for a version that is gone.
/// </summary>
public sealed class S3PinnedVersionTests
{
    [Fact]
    public async Task A_pinned_version_is_requested_with_the_etag_precondition_and_a_missing_version_is_not_found()
    {
        using var listener = new HttpListener();
        var port = LoopbackPort.Free();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = ServeOneAsync(listener, 404, """<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchVersion</Code><Message>The specified version does not exist.</Message></Error>""");
        using var s3 = AwsEmulators.S3Client(new Uri($"http://127.0.0.1:{port}"), maxErrorRetry: 0);

        var error = await Assert.ThrowsAsync<ObjectNotFoundException>(() =>
            new S3ObjectStore(s3).OpenReadAsync(new FileRef("uploads", "in/a.csv", "0a1b", "3HL4kqtJlcpXroDTDmJ"), CancellationToken.None));

        var (pathAndQuery, ifMatch) = await served;
        Assert.Equal("/uploads/in/a.csv?versionId=3HL4kqtJlcpXroDTDmJ", pathAndQuery);
        Assert.Equal("\"0a1b\"", ifMatch);
        Assert.Contains("version 3HL4kqtJlcpXroDTDmJ", error.Message, StringComparison.Ordinal);
    }

    private static async Task<(string PathAndQuery, string? IfMatch)> ServeOneAsync(HttpListener listener, int status, string body)
    {
        var context = await listener.GetContextAsync();
        var seen = (context.Request.Url!.PathAndQuery, context.Request.Headers["If-Match"]);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
        return seen;
    }
}
