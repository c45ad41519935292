using System.Globalization;
using Amazon.Runtime;
using Amazon.SQS;
using FilePipeline.Cli.Tests.Crash;
using FilePipeline.Cli.Tests.Executions;
using FilePipeline.Serve;
using FilePipeline.Testing.Browser;
using FilePipeline.Testing.Emulators;
using Microsoft.Playwright;

namespace FilePipeline.Cli.Tests.Console;

/// <summary>
/// The browser console of the real <c>filepipeline serve</c> in headless Debian Chromium, while the CLI
/// uploads files into the same state directory: executions appear and turn green live, open their graph,
/// the DLQ redrive button empties the queue, and hostile keys and bodies stay text.
/// </summary>
public sealed class ServeConsoleBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IDisposable
{
    private const string Hostile = "<img src=x onerror=\"window.pwned=1\">";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly PipelineProcess server = new();

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task An_upload_appears_turns_green_and_opens_its_graph()
    {
        var (serve, endpoint) = await StartServeAsync();
        using (serve)
        {
            var (page, errors) = await OpenConsoleAsync(endpoint);
            await Expect(page.Locator("#executions-empty")).ToBeVisibleAsync();

            var (exit, output) = await server.RunAsync("upload", server.WriteInput("orders.csv", "id,amount\n1,10\n2,20\n"), "--key", "in/orders.csv");
            Assert.True(exit == 0, output);

            // No reload: the row arrives and turns green through the page's own polling.
            var row = page.Locator("#execution-rows tr[data-status=SUCCEEDED]");
            await Expect(row).ToHaveCountAsync(1, new() { Timeout = (float)Wait.TotalMilliseconds });
            await Expect(row.Locator(".status")).ToHaveCSSAsync("background-color", "rgb(227, 244, 231)");
            await Expect(row).ToContainTextAsync("PROCESSED");
            await Expect(page.Locator("#ledger-rows")).ToContainTextAsync("in/orders.csv");
            await Expect(page.Locator("#log-rows")).ToContainTextAsync("The execution succeeded: PROCESSED.");
            await page.ScreenshotAsync(new() { Path = Artifact("console-processed.png"), FullPage = true });

            await row.Locator("a").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/executions/[0-9]+$"));
            await Expect(page.Locator("svg .node[data-state=RecordProcessed]")).ToHaveAttributeAsync("data-outcome", "succeeded");
            await Expect(page.Locator("#status")).ToHaveTextAsync("SUCCEEDED");
            await page.Locator("svg .node[data-state=InspectFile]").ClickAsync();
            await page.ScreenshotAsync(new() { Path = Artifact("console-execution.png"), FullPage = true });

            Assert.Empty(errors);
            serve.Kill();
        }
    }

    [Fact]
    public async Task The_redrive_button_empties_the_dead_letter_queue_and_hostile_text_stays_text()
    {
        var (serve, endpoint) = await StartServeAsync();
        using (serve)
        {
            using var sqs = new AmazonSQSClient(
                new BasicAWSCredentials(ServeOptions.DefaultAccessKeyId, ServeOptions.DefaultSecretAccessKey),
                new AmazonSQSConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });
            var deadLetters = (await sqs.GetQueueUrlAsync("filepipeline-dlq")).QueueUrl;
            await sqs.SendMessageAsync(deadLetters, Hostile);
            var (exit, output) = await server.RunAsync("upload", server.WriteInput("hostile.csv", "id\n1\n"), "--key", $"in/{Hostile}.csv");
            Assert.True(exit == 0, output);

            var (page, errors) = await OpenConsoleAsync(endpoint);
            var queue = page.Locator("article[data-queue=work]");
            await Expect(queue.Locator(".count")).ToHaveTextAsync("1 message");
            await Expect(queue.Locator("code")).ToHaveTextAsync(Hostile);
            await Expect(page.Locator("#execution-rows tr[data-status=SUCCEEDED]")).ToContainTextAsync(Hostile, new() { Timeout = (float)Wait.TotalMilliseconds });
            await Expect(page.Locator("#ledger-rows")).ToContainTextAsync($"in/{Hostile}.csv");
            await page.ScreenshotAsync(new() { Path = Artifact("console-hostile.png"), FullPage = true });

            await queue.Locator("button").ClickAsync();
            await Expect(queue.Locator(".count")).ToHaveTextAsync("0 messages");
            await Expect(queue.Locator("button")).ToBeDisabledAsync();
            var attributes = await sqs.GetQueueAttributesAsync(deadLetters, ["ApproximateNumberOfMessages"]);
            Assert.Equal(0, attributes.ApproximateNumberOfMessages);

            Assert.Equal(0, await page.Locator("img").CountAsync());
            Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
            Assert.Empty(errors);
            serve.Kill();
        }
    }

    [Fact]
    public async Task Console_pages_refuse_a_foreign_host_and_cross_site_actions()
    {
        var (serve, endpoint) = await StartServeAsync();
        using (serve)
        {
            using var http = new HttpClient();
            using var rebound = new HttpRequestMessage(HttpMethod.Get, endpoint + "/");
            rebound.Headers.Host = "attacker.example";
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(rebound)).StatusCode);

            using var crossSite = new HttpRequestMessage(HttpMethod.Post, endpoint + "/console/api/queues/work/redrive");
            crossSite.Headers.Add("Origin", "http://attacker.example");
            crossSite.Headers.Add(Serve.Console.ConsoleEndpoint.ActionHeader, "1");
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.SendAsync(crossSite)).StatusCode);

            using var page = await http.GetAsync(endpoint + "/");
            Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            serve.Kill();
        }
    }

    private async Task<(RunningCommand Serve, string Endpoint)> StartServeAsync()
    {
        var port = LoopbackPort.Free();
        var serve = server.Start(faults: null, shortVisibility: false, "serve", "--port", port.ToString(CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!serve.Output.Contains("serving ", StringComparison.Ordinal))
        {
            Assert.False(serve.HasExited || DateTime.UtcNow > deadline, "serve did not start: " + serve.Output);
            await Task.Delay(50);
        }

        return (serve, $"http://127.0.0.1:{port}");
    }

    /// <summary>Opens the console, collecting the page's errors (a CSP violation is one).</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenConsoleAsync(string endpoint)
    {
        var page = await chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(endpoint + "/");
        await Expect(page.Locator("#live")).ToContainTextAsync("live");
        return (page, errors);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static string Artifact(string name) => Path.Combine(ChromiumFixture.ArtifactFolder, name);
}
