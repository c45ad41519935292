using FilePipeline.Testing.Tools;

namespace FilePipeline.Testing.Emulators;

/// <summary>
/// fauxqs (an SQS and S3 emulator) on 127.0.0.1 and a free port, serving once the fixture is
/// initialised (it prints its port only after listening), stopped when the tests finish.
/// </summary>
public class FauxqsFixture : IAsyncLifetime
{
    private const string ReadyPrefix = "FAUXQS_READY ";
    private readonly bool fakeClock;
    private EmulatorProcess? process;

    public FauxqsFixture()
        : this(fakeClock: false)
    {
    }

    /// <param name="fakeClock">Whether fauxqs's clock is moved by <see cref="AdvanceClockAsync"/> (on top of real time).</param>
    protected FauxqsFixture(bool fakeClock) => this.fakeClock = fakeClock;

    /// <summary>http://127.0.0.1:port of the running fauxqs, for both its SQS and S3 APIs.</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    private Uri? ClockEndpoint { get; set; }

    public async Task InitializeAsync()
    {
        await NpmTools.EnsureInstalledAsync();
        var wrapper = Path.Combine(AppContext.BaseDirectory, "Emulators", "fauxqs-loopback.mjs");
        var app = Path.Combine(NpmTools.PackageDirectory(NpmTools.Fauxqs), "dist", "app.js");
        string[] arguments = fakeClock ? [wrapper, app, "--fake-clock"] : [wrapper, app];
        var (started, readyLine) = await EmulatorProcess.StartAsync("node", arguments, line => line.StartsWith(ReadyPrefix, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        process = started;
        var ports = readyLine[ReadyPrefix.Length..].Split(' ');
        Endpoint = new Uri($"http://127.0.0.1:{ports[0]}");
        ClockEndpoint = fakeClock ? new Uri($"http://127.0.0.1:{ports[1]}") : null;
    }

    /// <summary>Moves fauxqs's clock forward, as a FakeTimeProvider's Advance moves ours.</summary>
    /// <exception cref="InvalidOperationException">This fauxqs runs on real time.</exception>
    public async Task AdvanceClockAsync(TimeSpan delta)
    {
        var clock = ClockEndpoint ?? throw new InvalidOperationException("This fauxqs runs on real time; use a fixture with a fake clock.");
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(clock, $"/advance?ms={(long)delta.TotalMilliseconds}"), content: null);
        response.EnsureSuccessStatusCode();
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
