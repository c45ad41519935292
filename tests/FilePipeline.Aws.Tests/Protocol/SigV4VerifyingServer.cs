using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Aws.Tests.Protocol;

/// <summary>
/// An AWS JSON-protocol endpoint on 127.0.0.1 that checks each request's SigV4 signature the way
/// AWS does (canonical request rebuilt from the received bytes, signed by AWSSDK.Core's signer)
/// and answers with whatever the test scripts.
/// </summary>
internal sealed class SigV4VerifyingServer : IAsyncDisposable
{
    private readonly ImmutableCredentials credentials;
    private readonly Func<ReceivedRequest, (int Status, string Body)> respond;
    private readonly LoopbackHttpServer server;

    public SigV4VerifyingServer(ImmutableCredentials credentials, Func<ReceivedRequest, (int Status, string Body)> respond)
    {
        this.credentials = credentials;
        this.respond = respond;
        server = new LoopbackHttpServer(HandleAsync);
    }

    public int Port => server.Port;

    public Uri Url => server.Url;

    public List<ReceivedRequest> Received { get; } = [];

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
        var request = new ReceivedRequest(
            context.Request.HttpMethod,
            context.Request.RawUrl ?? "/",
            context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
            Encoding.UTF8.GetString(buffer.ToArray()));
        int number;
        lock (Received)
        {
            Received.Add(request);
            number = Received.Count;
        }

        var (status, body) = SignatureIsValid(request, buffer.ToArray())
            ? respond(request)
            : (400, """{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"The request signature we calculated does not match the signature you provided."}""");
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.AddHeader("x-amzn-RequestId", "req-" + number);
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    private bool SignatureIsValid(ReceivedRequest request, byte[] body)
    {
        if (!request.Headers.TryGetValue("Authorization", out var authorization) || !request.Headers.TryGetValue("X-Amz-Date", out var amzDate))
        {
            return false;
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var scope = parts["Credential"].Split('/');
        if (scope[0] != credentials.AccessKey)
        {
            return false;
        }

        var signedHeaders = parts["SignedHeaders"];
        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n').Append(request.Path).Append("\n\n");
        foreach (var name in signedHeaders.Split(';'))
        {
            canonical.Append(name).Append(':').Append(request.Headers[name].Trim()).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var signedAt = DateTime.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
        var expected = AWS4Signer.ComputeSignature(credentials, scope[2], signedAt, scope[3], signedHeaders, canonical.ToString());
        return expected.Signature == parts["Signature"];
    }
}

internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
