using FilePipeline.Testing.Tools;
using Microsoft.Playwright;

namespace FilePipeline.Testing.Browser;

/// <summary>
/// One headless Debian Chromium for a test class, driven by the Playwright driver shipped in the NuGet
/// package. Playwright never downloads a browser here: the system one is launched by path, and
/// installed with apt-get when it is missing.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Debian's Chromium and a font, so that reports render the same everywhere (.ci/run installs the same).</summary>
    public static readonly string[] Packages = ["chromium", "fonts-dejavu-core"];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Chromium has not been started.");

    /// <summary>Where screenshots and the rendered reports are kept as test artifacts.</summary>
    public static string ArtifactFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await DebianPackages.System.EnsureAsync(ExecutablePath, Packages);

        Directory.CreateDirectory(ArtifactFolder);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
