using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Store;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Console;

/// <summary>
/// The browser console at serve's root URL: the page and its assets, the JSON snapshot it polls, the
/// redrive action and each execution's graph view. Unsigned requests only (an AWS client always signs).
/// It answers only to <c>localhost</c> or an IP address as Host (a site that rebinds its DNS name to
/// 127.0.0.1 gets nothing), and a redrive must carry the console's own header, which a cross-site form
/// or fetch cannot send without a preflight serve never grants.
/// </summary>
public sealed class ConsoleEndpoint(ConsoleData data, IExecutionStore executions, Func<ExecutionRecord, string>? renderExecution)
{
    public const string ActionHeader = "X-FilePipeline-Console";
    private const string Prefix = "/console/";

    /// <summary>Whether the request is the console's: unsigned, for <c>/</c> or under <c>/console/</c>.</summary>
    public static bool Accepts(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Value ?? "";
        return request.Headers.Authorization.Count == 0
            && !request.Query.ContainsKey("X-Amz-Signature")
            && ((HttpMethods.IsGet(request.Method) && (path == "/" || path.StartsWith(Prefix, StringComparison.Ordinal)))
                || (HttpMethods.IsPost(request.Method) && path.StartsWith(Prefix + "api/", StringComparison.Ordinal)));
    }

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.ForConsole;
        if (!IsOwnHost(request.Host.Host))
        {
            await TextAsync(response, 403, "The console answers only to localhost or an IP address, such as http://127.0.0.1:4580/.");
            return;
        }

        var path = request.Path.Value!;
        if (HttpMethods.IsPost(request.Method))
        {
            await PostAsync(context, path);
            return;
        }

        switch (path)
        {
            case "/":
                await AssetAsync(response, "console.html");
                break;
            case "/console/console.js" or "/console/console.css":
                await AssetAsync(response, path[Prefix.Length..]);
                break;
            case "/console/api/state":
                var snapshot = await data.SnapshotAsync(request.Query["file"].ToString(), request.Query["outcome"].ToString(), context.RequestAborted);
                await JsonAsync(response, snapshot);
                break;
            case var _ when path.StartsWith(Prefix + "executions/", StringComparison.Ordinal):
                await ExecutionAsync(response, path[(Prefix.Length + "executions/".Length)..]);
                break;
            default:
                await TextAsync(response, 404, "Nothing here: the console is at /.");
                break;
        }
    }

    private async Task PostAsync(HttpContext context, string path)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (request.Headers[ActionHeader] != "1" || (origin.Length > 0 && origin != $"{request.Scheme}://{request.Host}"))
        {
            await TextAsync(context.Response, 403, "Console actions come from the console page only.");
            return;
        }

        const string Redrive = "/redrive";
        var queuePrefix = Prefix + "api/queues/";
        if (path.StartsWith(queuePrefix, StringComparison.Ordinal) && path.EndsWith(Redrive, StringComparison.Ordinal)
            && await data.RedriveAsync(path[queuePrefix.Length..^Redrive.Length], context.RequestAborted) is { } moved)
        {
            await JsonAsync(context.Response, new JsonObject { ["moved"] = moved });
            return;
        }

        await TextAsync(context.Response, 404, "No such console action.");
    }

    private async Task ExecutionAsync(HttpResponse response, string id)
    {
        if (renderExecution is null)
        {
            await TextAsync(response, 501, "This serve draws no execution views; `filepipeline serve` does.");
            return;
        }

        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _) || executions.Find(id) is not { } execution)
        {
            await TextAsync(response, 404, "No such execution.");
            return;
        }

        var html = renderExecution(execution);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.ForSelfContainedPage(html);
        await WriteAsync(response, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html));
    }

    private static bool IsOwnHost(string host) => host == "localhost" || IPAddress.TryParse(host.Trim('[', ']'), out _);

    private static Task AssetAsync(HttpResponse response, string name)
    {
        var (contentType, content) = ConsoleAssets.Files[name];
        return WriteAsync(response, 200, contentType, content);
    }

    private static Task JsonAsync(HttpResponse response, JsonNode body) =>
        WriteAsync(response, 200, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(body, ServeJsonContext.Default.JsonNode));

    private static Task TextAsync(HttpResponse response, int status, string text) =>
        WriteAsync(response, status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text + "\n"));

    private static async Task WriteAsync(HttpResponse response, int status, string contentType, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
