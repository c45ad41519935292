using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Cli.Tests.Operate;

/// <summary>
/// The single AWS endpoint the operating commands are pointed at in tests: it answers STS's
/// GetCallerIdentity (serve's account) and Lambda's Invoke (kept for the test to read) itself,
/// forwards everything else unchanged to serve, and records the IAM action each call needs, so
/// docs/operate.md's policy is checked against what the code really calls.
/// </summary>
internal sealed class AwsGateway : IAsyncDisposable
{
    public const string Account = "123456789012";

    private readonly HttpClient forward = new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false });
    private readonly Uri serve;
    private readonly LoopbackHttpServer server;

    public AwsGateway(Uri serve)
    {
        this.serve = serve;
        server = new LoopbackHttpServer(HandleAsync);
    }

    public int Port => server.Port;

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Every IAM action a call through the gateway needed (sts:GetCallerIdentity needs none, but is listed).</summary>
    public ConcurrentDictionary<string, int> Actions { get; } = new(StringComparer.Ordinal);

    /// <summary>Lambda invocations: the path's function name, the invocation type header and the payload.</summary>
    public ConcurrentQueue<(string Function, string? InvocationType, string Payload)> Invocations { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        forward.Dispose();
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer).ConfigureAwait(false);
        var body = buffer.ToArray();
        var path = request.Url!.AbsolutePath;
        var form = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true ? HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body)) : null;
        if (form?["Action"] == "GetCallerIdentity")
        {
            Record("sts:GetCallerIdentity");
            await AnswerAsync(context, 200, $"<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::{Account}:user/operator</Arn><UserId>AIDAEXAMPLE</UserId><Account>{Account}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>").ConfigureAwait(false);
            return;
        }

        if (path.StartsWith("/2015-03-31/functions/", StringComparison.Ordinal))
        {
            Record("lambda:InvokeFunction");
            Invocations.Enqueue((path.Split('/')[3], request.Headers["X-Amz-Invocation-Type"], Encoding.UTF8.GetString(body)));
            await AnswerAsync(context, 202, "").ConfigureAwait(false);
            return;
        }

        Record(ActionOf(request, path, form));
        await ForwardAsync(context, body).ConfigureAwait(false);
    }

    private void Record(string action) => Actions.AddOrUpdate(action, 1, (_, count) => count + 1);

    // The IAM action of each wire operation (batch calls need their single action, as SQS documents).
    private static string ActionOf(HttpListenerRequest request, string path, System.Collections.Specialized.NameValueCollection? form)
    {
        if (request.Headers["X-Amz-Target"] is { } target)
        {
            var (prefix, operation) = (target[..target.IndexOf('.', StringComparison.Ordinal)], target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            var service = prefix switch
            {
                "AmazonSQS" => "sqs",
                "Logs_20140328" => "logs",
                "AWSStepFunctions" => "states",
                _ when prefix.StartsWith("DynamoDB", StringComparison.Ordinal) => "dynamodb",
                _ => prefix,
            };
            return service + ":" + (service == "sqs" && operation.EndsWith("Batch", StringComparison.Ordinal) ? operation[..^"Batch".Length] : operation);
        }

        if (form?["Action"] is { } action)
        {
            return "sqs:" + (action.EndsWith("Batch", StringComparison.Ordinal) ? action[..^"Batch".Length] : action);
        }

        var hasKey = path.Trim('/').Contains('/', StringComparison.Ordinal);
        var versioned = request.QueryString["versionId"] is not null;
        return (request.HttpMethod, hasKey) switch
        {
            ("PUT" or "POST", true) => "s3:PutObject",
            ("GET" or "HEAD", true) => versioned ? "s3:GetObjectVersion" : "s3:GetObject",
            _ => "s3:ListBucket",
        };
    }

    private async Task ForwardAsync(HttpListenerContext context, byte[] body)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(serve, request.RawUrl)) { Content = new ByteArrayContent(body) };
        foreach (var name in request.Headers.AllKeys.OfType<string>())
        {
            if (name is "Host" or "Expect" or "Connection" or "Transfer-Encoding")
            {
                continue;
            }

            var value = request.Headers[name]!;
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        // serve checks the signature over the Host the client signed: the gateway's.
        message.Headers.Host = request.Headers["Host"];
        using var response = await forward.SendAsync(message).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Transfer-Encoding" or "Content-Length" or "Connection" or "Server" or "Date"))
            {
                context.Response.Headers[name] = string.Join(",", values);
            }
        }

        if (request.HttpMethod != "HEAD")
        {
            await context.Response.OutputStream.WriteAsync(answer).ConfigureAwait(false);
        }
        else if (response.Content.Headers.ContentLength is { } length)
        {
            context.Response.ContentLength64 = length;
        }

        context.Response.Close();
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }
}
