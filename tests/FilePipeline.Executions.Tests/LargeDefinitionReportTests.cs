using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Layout;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Executions.Tests;

public class LargeDefinitionReportTests
{
    private static string Chain(int states)
    {
        var json = new StringBuilder("""{"StartAt":"S0","States":{""");
        for (var i = 0; i < states; i++)
        {
            json.Append(i > 0 ? "," : "").Append(i == states - 1 ? $$"""
                "S{{i}}":{"Type":"Succeed"}
                """ : $$"""
                "S{{i}}":{"Type":"Pass","Next":"S{{i + 1}}"}
                """);
        }

        return json.Append("}}").ToString();
    }

    [Fact]
    public void A_60000_state_definition_renders_without_its_graph_instead_of_overflowing_the_stack()
    {
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "{}" })
            .Add("PassStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = "S0", ["input"] = "{}" })
            .Add("PassStateExited", 2, "stateExitedEventDetails", new JsonObject { ["name"] = "S0", ["output"] = "{}" })
            .Add("ExecutionTimedOut", 3, "executionTimedOutEventDetails", new JsonObject { ["error"] = "States.Timeout" })
            .Build();
        var summary = new ExecutionSummary("arn", "big", "TIMED_OUT", HistoryBuilder.Start, HistoryBuilder.Start.AddSeconds(1), "{}", null, "States.Timeout", null);

        string html = ExecutionHtmlReport.Render(ExecutionViewParser.Parse(Chain(60_000), history, summary));

        Assert.Contains("The graph is not drawn: the definition has 60000 states, more than 1000.", html, StringComparison.Ordinal);
        Assert.Contains("PassStateEntered", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_definition_at_the_limit_is_still_drawn()
    {
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "{}" })
            .Add("ExecutionSucceeded", 1, "executionSucceededEventDetails", new JsonObject { ["output"] = "{}" })
            .Build();
        var summary = new ExecutionSummary("arn", "limit", "SUCCEEDED", HistoryBuilder.Start, HistoryBuilder.Start.AddSeconds(1), "{}", "{}", null, null);

        string html = ExecutionHtmlReport.Render(ExecutionViewParser.Parse(Chain(ExecutionHtmlReport.MaxGraphStates), history, summary));

        Assert.DoesNotContain("graph-omitted", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }
}
