using System.Text.Json.Nodes;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Rendering;
using FilePipeline.States;
using FilePipeline.States.History;

namespace FilePipeline.Executions.Tests;

/// <summary>The views show what AWS's console shows for JSONata and variables: each state's expressions and the variables it assigned.</summary>
public class ExecutionVariablesViewTests
{
    private const string Definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Count",
          "States": {
            "Count": {
              "Type": "Pass",
              "Assign": { "total": "{% $states.input.n + 1 %}", "label": "done" },
              "Output": "{% $states.input %}",
              "Next": "Report"
            },
            "Report": { "Type": "Pass", "Output": { "total": "{% $total %}" }, "End": true }
          }
        }
        """;

    private static async Task<ExecutionView> RunAsync(string input = """{"n":1}""")
    {
        var parsed = StateMachineDefinition.Parse(Definition);
        Assert.True(parsed.IsValid, string.Join('\n', parsed.Errors));
        var result = await new StateMachineEngine(new TaskHandlerRegistry(), TimeProvider.System).StartExecutionAsync(parsed.Definition, input, "vars");
        return ExecutionViewParser.Parse(Definition, HistorySerializer.Serialize(result.History), result.ToStartSyncExecutionJson());
    }

    [Fact]
    public async Task A_failing_expression_marks_its_state_failed_with_the_expression_in_the_cause()
    {
        var text = new StringWriter();

        ExecutionView view = await RunAsync("""{"n":"one"}""");
        ExecutionTerminalView.Render(view, text);

        string output = text.ToString();
        Assert.Contains("  ✗ Count", output, StringComparison.Ordinal);
        Assert.Contains("error   States.QueryEvaluationError", output, StringComparison.Ordinal);
        Assert.Contains("The JSONata expression '$states.input.n + 1' specified for the field 'Assign/total'", view.States["Count"].Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executions_show_lists_the_variables_each_state_assigned_under_it()
    {
        var text = new StringWriter();

        ExecutionTerminalView.Render(await RunAsync(), text);

        string[] lines = text.ToString().Split(Environment.NewLine);
        int count = Array.FindIndex(lines, l => l.Contains("✓ Count", StringComparison.Ordinal));
        Assert.Equal("      $total = 2", lines[count + 1]);
        Assert.Equal("      $label = \"done\"", lines[count + 2]);
        Assert.Contains("✓ Report", lines[count + 3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_carries_each_states_JSONata_expressions_and_assigned_variables()
    {
        ExecutionView view = await RunAsync();

        Assert.Equal(
            ["Assign/total: {% $states.input.n + 1 %}", "Output: {% $states.input %}"],
            view.Graph.States["Count"].Expressions);
        Assert.Equal("""{"total":2,"label":"done"}""", view.States["Count"].Variables);
        Assert.Null(view.States["Report"].Variables);
        string html = ExecutionHtmlReport.Render(view);
        Assert.Contains("id=\"detail-variables\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"detail-expressions\"", html, StringComparison.Ordinal);
        const string marker = "<script type=\"application/json\" id=\"execution-data\">";
        int start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var data = JsonNode.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)])!["states"]!["Count"]!;
        Assert.Equal("Assign/total: {% $states.input.n + 1 %}\nOutput: {% $states.input %}", data["expressions"]!.GetValue<string>());
        Assert.Contains("\"total\": 2", data["variables"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
