using FilePipeline.Testing.Tools;

namespace FilePipeline.Testing.Emulators;

/// <summary>
/// fauxqs (an SQS and S3 emulator) on 127.0.0.1 and a free port, serving once the fixture is
/// initialised (it prints its port only after listening), stopped when the tests finish.
/// </summary>
public sealed class FauxqsFixture : IAsyncLifetime
{
    private const string ReadyPrefix = "FAUXQS_READY ";
    private EmulatorProcess? process;

    /// <summary>http://127.0.0.1:port of the running fauxqs, for both its SQS and S3 APIs.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        await NpmTools.EnsureInstalledAsync();
        var wrapper = Path.Combine(AppContext.BaseDirectory, "Emulators", "fauxqs-loopback.mjs");
        var app = Path.Combine(NpmTools.PackageDirectory(NpmTools.Fauxqs), "dist", "app.js");
        var (started, readyLine) = await EmulatorProcess.StartAsync("node", [wrapper, app], line => line.StartsWith(ReadyPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        process = started;
        Endpoint = new Uri($"http://127.0.0.1:{readyLine[ReadyPrefix.Length..]}");
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }
}
