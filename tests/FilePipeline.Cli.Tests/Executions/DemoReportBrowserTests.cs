using System.Text.RegularExpressions;
using FilePipeline.Cli.Tests.Pipeline;
using FilePipeline.Testing.Browser;
using Microsoft.Playwright;

namespace FilePipeline.Cli.Tests.Executions;

/// <summary>Opens the report `demo` writes for its failed scenario, as a person would after reading the narration.</summary>
public sealed partial class DemoReportBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task The_failed_scenarios_report_shows_where_and_why_it_failed()
    {
        var demo = await cli.RunAsync("demo");
        var report = Path.Combine(cli.StateDirectory, "failed.html");
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains($"open {report} to see where it failed and why", demo.Output, StringComparison.Ordinal);

        IPage page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(report).AbsoluteUri);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ArtifactFolder, "demo-failed.png"), FullPage = true });

        Assert.Equal("FAILED", await page.Locator("#status").TextContentAsync());
        Assert.Matches(FailureBanner(), (await page.Locator("#failure").InnerTextAsync()).ReplaceLineEndings(" "));
        Assert.Equal(("caught", "rgb(184, 92, 0)"), await OutcomeAsync(page, "InspectFile"));
        Assert.Equal(("succeeded", "rgb(30, 126, 52)"), await OutcomeAsync(page, "RecordFailure"));
        Assert.Equal(("failed", "rgb(197, 34, 31)"), await OutcomeAsync(page, "Failed"));
        Assert.Equal(("not-reached", "rgb(128, 134, 139)"), await OutcomeAsync(page, "RecordProcessed"));

        await page.Locator("svg .node[data-state='InspectFile']").ClickAsync();

        Assert.Equal("InspectFile", await page.Locator("#detail-name").TextContentAsync());
        Assert.Equal("Failed, caught", await page.Locator("#detail-outcome").TextContentAsync());
        Assert.Equal("1", await page.Locator("#detail-retries").TextContentAsync());
        Assert.Equal("StorageUnavailableException", await page.Locator("#detail-error").TextContentAsync());
        Assert.Contains("Injected fault", await page.Locator("#detail-cause").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("\"key\": \"demo/flaky-orders.csv\"", await page.Locator("#detail-input").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ChromiumFixture.ArtifactFolder, "demo-failed-InspectFile.png"), FullPage = true });
        await page.CloseAsync();
    }

    private static async Task<(string Outcome, string Stroke)> OutcomeAsync(IPage page, string state)
    {
        ILocator node = page.Locator($"svg .node[data-state='{state}']");
        return ((await node.GetAttributeAsync("data-outcome"))!, await node.Locator("rect").EvaluateAsync<string>("r => getComputedStyle(r).stroke"));
    }

    [GeneratedRegex("Failed at Failed: StorageUnavailableException .*InspectFile failed after 1 retry with StorageUnavailableException, caught → DescribeFailure")]
    private static partial Regex FailureBanner();
}
