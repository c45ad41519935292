using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace FilePipeline.Aws.Tests.Emulators;

/// <summary>fauxqs (SQS + S3) on 127.0.0.1, one per test collection.</summary>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private EmulatorProcess? process;

    public Uri Endpoint { get; private set; } = null!;

    public IAmazonSQS Sqs { get; private set; } = null!;

    public IAmazonS3 S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EmulatorTools.EnsureInstalledAsync();
        var wrapper = Path.Combine(AppContext.BaseDirectory, "Emulators", "fauxqs-loopback.mjs");
        var app = Path.Combine(EmulatorTools.NodeModules, "fauxqs", "dist", "app.js");
        var (started, readyLine) = await EmulatorProcess.StartAsync("node", [wrapper, app], line => line.StartsWith("FAUXQS_READY ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        process = started;
        Endpoint = new Uri($"http://127.0.0.1:{readyLine["FAUXQS_READY ".Length..]}");
        var credentials = new BasicAWSCredentials("test", "test");
        Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        S3 = new AmazonS3Client(credentials, new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
    }

    public async Task DisposeAsync()
    {
        Sqs?.Dispose();
        S3?.Dispose();
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
