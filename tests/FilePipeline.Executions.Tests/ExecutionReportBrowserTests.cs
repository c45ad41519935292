using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Rendering;
using FilePipeline.Testing.Browser;
using Microsoft.Playwright;

namespace FilePipeline.Executions.Tests;

/// <summary>Opens rendered reports in headless Chromium and checks what a person sees.</summary>
public class ExecutionReportBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly Dictionary<string, (string Fill, string Stroke)> Colours = new()
    {
        ["succeeded"] = ("rgb(227, 244, 231)", "rgb(30, 126, 52)"),
        ["retried"] = ("rgb(241, 230, 251)", "rgb(123, 44, 191)"),
        ["caught"] = ("rgb(255, 240, 219)", "rgb(184, 92, 0)"),
        ["failed"] = ("rgb(252, 232, 230)", "rgb(197, 34, 31)"),
        ["not-reached"] = ("rgb(248, 249, 250)", "rgb(128, 134, 139)"),
    };

    private static readonly string[] AllStates =
    [
        "CheckLedger", "AlreadyRecorded", "ClaimFile", "InspectFile", "RecordProcessed", "Processed",
        "RecordRejected", "Rejected", "Duplicate", "RecordFailure", "FailProcessing",
    ];

    public static TheoryData<string> Fixtures => new(ExecutionFixtures.Names);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Every_state_is_drawn_in_the_colour_of_its_outcome(string fixture)
    {
        IPage page = await OpenAsync(fixture, ExecutionHtmlReport.Render(ExecutionFixtures.Load(fixture)));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact(fixture + ".png"), FullPage = true });
        await page.Locator("section.graph").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifact(fixture + "-graph.png") });

        // One round trip: what each drawn node shows, as the browser computed it.
        JsonElement seen = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('svg .node')].map(g => {
              const rect = g.querySelector('rect'), box = g.getBoundingClientRect(), style = getComputedStyle(rect);
              return { state: g.dataset.state, name: g.querySelector('text.name').textContent, outcome: g.dataset.outcome,
                       fill: style.fill, stroke: style.stroke, visible: box.width > 0 && box.height > 0 && style.visibility === 'visible' };
            })
            """);
        var nodes = seen.EnumerateArray().Select(n => new NodeSeen(
            n.GetProperty("state").GetString()!, n.GetProperty("name").GetString()!, n.GetProperty("outcome").GetString()!,
            n.GetProperty("fill").GetString()!, n.GetProperty("stroke").GetString()!, n.GetProperty("visible").GetBoolean())).ToList();

        Dictionary<string, string> expected = ExpectedOutcomes(fixture);
        Assert.Equal(AllStates.Order(), nodes.Select(n => n.State).Order());
        foreach (NodeSeen node in nodes)
        {
            string outcome = expected.GetValueOrDefault(node.State, "not-reached");
            Assert.True(node.Visible, $"{node.State} is not visible");
            Assert.Equal(node.State, node.Name);
            Assert.Equal(outcome, node.Outcome);
            Assert.Equal(Colours[outcome], (node.Fill, node.Stroke));
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task Clicking_a_node_shows_its_input_error_and_retries_in_the_side_panel()
    {
        IPage page = await OpenAsync("failed-click", ExecutionHtmlReport.Render(ExecutionFixtures.Load("failed")));

        await page.Locator("svg .node[data-state='InspectFile']").ClickAsync();

        Assert.Equal("InspectFile", await page.Locator("#detail-name").TextContentAsync());
        Assert.Equal("Failed, caught", await page.Locator("#detail-outcome").TextContentAsync());
        Assert.Equal("2", await page.Locator("#detail-retries").TextContentAsync());
        Assert.Equal("TransientStorageException", await page.Locator("#detail-error").TextContentAsync());
        Assert.True(await page.Locator("#detail-error").IsVisibleAsync());
        Assert.Contains("S3 GetObject timed out", await page.Locator("#detail-cause").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("\"fileId\": \"uploads/in/orders.csv@9b2cf535f27731c974343645a3985328\"", await page.Locator("#detail-input").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("12.022 s", await page.Locator("#detail-duration").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("failed-InspectFile-selected.png"), FullPage = true });

        await page.Locator("svg .node[data-state='CheckLedger']").ClickAsync();

        Assert.Equal("CheckLedger", await page.Locator("#detail-name").TextContentAsync());
        Assert.Contains("\"bucket\": \"uploads\"", await page.Locator("#detail-input").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("\"ledger\"", await page.Locator("#detail-output").TextContentAsync(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#detail-error").IsVisibleAsync());
        Assert.Equal(1, await page.Locator(".node.selected").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_failed_report_opens_on_the_failure_and_says_where_and_why()
    {
        IPage page = await OpenAsync("failed-banner", ExecutionHtmlReport.Render(ExecutionFixtures.Load("failed")));

        Assert.Equal("FAILED", await page.Locator("#status").TextContentAsync());
        Assert.Equal("rgb(197, 34, 31)", await page.Locator("#status").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        string banner = (await page.Locator("#failure").InnerTextAsync()).ReplaceLineEndings(" ");
        Assert.Contains("Failed at FailProcessing: FileProcessingFailed", banner, StringComparison.Ordinal);
        Assert.Contains("InspectFile failed after 2 retries with TransientStorageException, caught → RecordFailure", banner, StringComparison.Ordinal);
        Assert.Equal("FailProcessing", await page.Locator("#detail-name").TextContentAsync());
        Assert.Equal("12.101 s", await page.Locator("#duration").TextContentAsync());

        await page.Locator("#failure button[data-state='InspectFile']").ClickAsync();

        Assert.Equal("InspectFile", await page.Locator("#detail-name").TextContentAsync());
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task The_event_table_lists_every_event_with_its_state_and_elapsed_time(string fixture)
    {
        ExecutionView view = ExecutionFixtures.Load(fixture);
        int eventCount = JsonNode.Parse(ExecutionFixtures.History(fixture))!["events"]!.AsArray().Count;
        IPage page = await OpenAsync(fixture + "-events", ExecutionHtmlReport.Render(view));

        ILocator rows = page.Locator("#events tbody tr");
        Assert.Equal(eventCount, await rows.CountAsync());
        Assert.Equal(["1", "ExecutionStarted", "", "", "2026-11-28 10:00:00.000Z", "0 ms"], await rows.Nth(0).Locator("td").AllTextContentsAsync());
        IReadOnlyList<string> second = await rows.Nth(1).Locator("td").AllTextContentsAsync();
        Assert.Equal(["2", "TaskStateEntered", "CheckLedger"], second.Take(3));
        Assert.Equal("2 ms", second[5]);
        Assert.Equal(view.Events.Count(e => e.IsFailure), await page.Locator("#events tr.failure").CountAsync());
        string lastElapsed = (await rows.Nth(eventCount - 1).Locator("td").AllTextContentsAsync())[5];
        Assert.Equal(DurationText.Format(view.Duration!.Value), lastElapsed);
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Text_in_every_node_and_edge_label_fits_inside_its_box(string fixture)
    {
        IPage page = await OpenAsync(fixture + "-fit", ExecutionHtmlReport.Render(ExecutionFixtures.Load(fixture)));

        string[] overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg .node, svg .edge-label, svg .group')].flatMap(g => {
              const r = g.querySelector('rect').getBBox();
              return [...g.querySelectorAll(':scope > text')].filter(t => {
                const b = t.getBBox();
                return b.x < r.x || b.y < r.y || b.x + b.width > r.x + r.width || b.y + b.height > r.y + r.height;
              }).map(t => t.textContent);
            })
            """);

        Assert.Empty(overflowing);
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_report_loads_nothing_but_itself()
    {
        var requests = new List<string>();
        IPage page = await chromium.Browser.NewPageAsync();
        page.Request += (_, request) => requests.Add(request.Url);
        string path = Artifact("network.html");
        await File.WriteAllTextAsync(path, ExecutionHtmlReport.Render(ExecutionFixtures.Load("failed")));

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        await page.Locator("svg .node[data-state='ClaimFile']").ClickAsync();

        Assert.Equal([new Uri(path).AbsoluteUri], requests);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Hostile_state_names_and_payloads_are_shown_as_text_and_never_run()
    {
        const string Name = "<img src=x onerror=alert(1)>";
        string definition = new JsonObject
        {
            ["StartAt"] = Name,
            ["States"] = new JsonObject { [Name] = new JsonObject { ["Type"] = "Pass", ["End"] = true } },
        }.ToJsonString();
        const string Input = "{\"note\":\"</script><script>alert(2)</script>\"}";
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = Input })
            .Add("PassStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = Name, ["input"] = Input })
            .Add("PassStateExited", 2, "stateExitedEventDetails", new JsonObject { ["name"] = Name, ["output"] = Input })
            .Add("ExecutionSucceeded", 3, "executionSucceededEventDetails", new JsonObject { ["output"] = Input })
            .Build();
        var summary = new ExecutionSummary("arn:x", "<b>bold</b>", "SUCCEEDED", HistoryBuilder.Start, HistoryBuilder.Start.AddMilliseconds(3), Input, Input, null, null);
        var dialogs = new List<string>();
        IPage page = await chromium.Browser.NewPageAsync();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        string path = Artifact("hostile.html");
        await File.WriteAllTextAsync(path, ExecutionHtmlReport.Render(ExecutionViewParser.Parse(definition, history, summary)));

        await page.GotoAsync(new Uri(path).AbsoluteUri);
        ILocator node = page.Locator("svg .node").First;
        await node.ClickAsync();

        Assert.Empty(dialogs);
        Assert.Equal(Name, await node.GetAttributeAsync("data-state"));
        Assert.Equal(Name, await page.Locator("#detail-name").TextContentAsync());
        Assert.Contains("</script><script>alert(2)</script>", await page.Locator("#detail-input").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("<b>bold</b>", await page.Locator("h1").TextContentAsync());
        Assert.Equal(0, await page.Locator("img").CountAsync());
        await page.CloseAsync();
    }

    [Fact]
    public async Task Parallel_and_Map_states_are_drawn_as_boxes_around_their_branches()
    {
        const string History = """{"events":[]}""";
        var summary = new ExecutionSummary("", "nested", "RUNNING", HistoryBuilder.Start, null, "{}", null, null, null);
        IPage page = await OpenAsync("nested", ExecutionHtmlReport.Render(ExecutionViewParser.Parse(StateMachineGraphTests.NestedDefinition, History, summary)));
        await page.Locator("section.graph").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifact("nested-graph.png") });

        LocatorBoundingBoxResult group = (await page.Locator("svg .group[data-state='EachRow'] > rect.group-box").BoundingBoxAsync())!;
        LocatorBoundingBoxResult inner = (await page.Locator("svg .node[data-state='Check']").BoundingBoxAsync())!;
        Assert.True(inner.X > group.X && inner.Y > group.Y && inner.X + inner.Width < group.X + group.Width && inner.Y + inner.Height < group.Y + group.Height);
        Assert.Equal("Parallel · FanOut", await page.Locator("svg .group[data-state='FanOut'] .group-title").TextContentAsync());
        Assert.Equal(2, await page.Locator("svg .group[data-state='FanOut'] rect.branch").CountAsync());

        await page.Locator("svg .node[data-state='Check']").ClickAsync();

        Assert.Equal("Check", await page.Locator("#detail-name").TextContentAsync());
        Assert.Equal("Not reached", await page.Locator("#detail-outcome").TextContentAsync());

        await page.Locator("svg .group[data-state='FanOut'] .group-title").ClickAsync();

        Assert.Equal("FanOut", await page.Locator("#detail-name").TextContentAsync());
        await page.CloseAsync();
    }

    private static Dictionary<string, string> ExpectedOutcomes(string fixture)
    {
        var path = new Dictionary<string, string>
        {
            ["CheckLedger"] = "succeeded", ["AlreadyRecorded"] = "succeeded", ["ClaimFile"] = "succeeded",
        };
        var rest = fixture switch
        {
            "succeeded" => new Dictionary<string, string> { ["InspectFile"] = "retried", ["RecordProcessed"] = "succeeded", ["Processed"] = "succeeded" },
            "rejected" => new Dictionary<string, string> { ["InspectFile"] = "caught", ["RecordRejected"] = "succeeded", ["Rejected"] = "succeeded" },
            _ => new Dictionary<string, string> { ["InspectFile"] = "caught", ["RecordFailure"] = "succeeded", ["FailProcessing"] = "failed" },
        };
        return path.Concat(rest).ToDictionary();
    }

    private async Task<IPage> OpenAsync(string name, string html)
    {
        string path = Artifact(name + ".html");
        await File.WriteAllTextAsync(path, html);
        IPage page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return page;
    }

    private static string Artifact(string file) => Path.Combine(ChromiumFixture.ArtifactFolder, file);

    /// <summary>What the page shows for one state node.</summary>
    public sealed record NodeSeen(string State, string Name, string Outcome, string Fill, string Stroke, bool Visible);
}
