using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Executions.Tests;

public partial class ExecutionHtmlReportTests
{
    [Theory]
    [InlineData("succeeded")]
    [InlineData("rejected")]
    [InlineData("failed")]
    public void The_report_is_one_self_contained_file_that_references_nothing_outside_itself(string fixture)
    {
        string html = ExecutionHtmlReport.Render(ExecutionFixtures.Definition, ExecutionFixtures.History(fixture), ExecutionFixtures.Summary(fixture));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"graph\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<script"));
    }

    [Fact]
    public void Every_state_of_the_definition_is_drawn_once_with_its_outcome()
    {
        string html = ExecutionHtmlReport.Render(ExecutionFixtures.Load("rejected"));

        Assert.Contains("<g class=\"node caught\" data-state=\"InspectFile\" data-outcome=\"caught\"", html, StringComparison.Ordinal);
        Assert.Contains("<g class=\"node not-reached\" data-state=\"RecordProcessed\" data-outcome=\"not-reached\"", html, StringComparison.Ordinal);
        Assert.Equal(11, Regex.Count(html, "<g class=\"node "));
        Assert.Contains("class=\"edge catch taken\" data-from=\"InspectFile\" data-to=\"RecordRejected\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"edge catch\" data-from=\"InspectFile\" data-to=\"RecordFailure\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void User_data_is_html_escaped_in_markup_and_cannot_close_the_data_script()
    {
        const string Hostile = "</script><img src=x onerror=alert(1)>\"'&";
        string definition = new JsonObject
        {
            ["StartAt"] = "A",
            ["States"] = new JsonObject { ["A"] = new JsonObject { ["Type"] = "Fail", ["Error"] = Hostile } },
        }.ToJsonString();
        var summary = new ExecutionSummary("arn", Hostile, "FAILED", HistoryBuilder.Start, HistoryBuilder.Start.AddSeconds(1), "\"" + Hostile.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"", null, Hostile, Hostile);
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "{}" })
            .Add("FailStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = "A", ["input"] = Hostile })
            .Add("ExecutionFailed", 2, "executionFailedEventDetails", new JsonObject { ["error"] = Hostile, ["cause"] = Hostile })
            .Build();

        string html = ExecutionHtmlReport.Render(ExecutionViewParser.Parse(definition, history, summary));

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "</script>"));
        Assert.Contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(src|href)\s*=|url\((?!#)|@import|https?://(?!www\.w3\.org/2000/svg)")]
    private static partial Regex ExternalReference();
}
