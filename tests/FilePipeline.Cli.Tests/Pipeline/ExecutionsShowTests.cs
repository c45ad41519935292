using System.Text.Json.Nodes;

namespace FilePipeline.Cli.Tests.Pipeline;

public sealed class ExecutionsShowTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Show_html_of_a_failed_execution_names_every_state_of_the_definition_and_the_failure()
    {
        var id = await FailedExecutionAsync();
        var file = Path.Combine(cli.StateDirectory, "report.html");

        var result = await cli.RunAsync("executions", "show", id, "--html", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(file, result.Output, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(file);
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "statemachine", "file-processing.asl.json")))!;
        var states = definition["States"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(states, state => Assert.Contains($"data-state=\"{state}\"", html, StringComparison.Ordinal));
        Assert.Contains("Failed at <button type=\"button\" data-state=\"Failed\">Failed</button>", html, StringComparison.Ordinal);
        Assert.Contains("StorageUnavailableException", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"status\" class=\"status FAILED\">FAILED</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_draws_the_path_with_marks_retries_and_the_catch_then_the_event_table()
    {
        var id = await FailedExecutionAsync();

        var result = await cli.RunAsync("executions", "show", id);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(lines, l => l.StartsWith("  ✓ CheckLedger ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  → InspectFile ", StringComparison.Ordinal) && l.EndsWith("1 retry, StorageUnavailableException, caught → DescribeFailure", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  ✓ RecordFailure ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  ✗ Failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("state machine  arn:aws:states:us-east-1:123456789012:stateMachine:", StringComparison.Ordinal));
        Assert.Matches(@"\n1\s+ExecutionStarted\s+0 ms", result.Output);
        Assert.Matches(@"\n\d+\s+TaskFailed\s+InspectFile\s+\S+( \S+)?\s+StorageUnavailableException", result.Output);
        Assert.Matches(@"\n\d+\s+ExecutionFailed\s", result.Output);
    }

    [Fact]
    public async Task An_execution_of_states_run_with_local_services_is_drawn_over_the_definition_it_ran()
    {
        var definition = cli.WriteFile("one.asl.json", """
            { "StartAt": "Hello", "States": { "Hello": { "Type": "Pass", "Next": "Stop" }, "Stop": { "Type": "Fail", "Error": "Manual.Stop", "Cause": "asked to" } } }
            """);
        await cli.RunAsync("states", "run", definition, "--services", "local", "--name", "manual");
        var file = Path.Combine(cli.StateDirectory, "manual.html");

        var text = await cli.RunAsync("executions", "show", "manual");
        var html = await cli.RunAsync("executions", "show", "manual", "--html", file);
        var json = await cli.RunAsync("executions", "show", "manual", "--json");

        Assert.Equal((0, 0, 0), (text.ExitCode, html.ExitCode, json.ExitCode));
        Assert.Contains("  ✓ Hello", text.Output, StringComparison.Ordinal);
        Assert.Contains("  ✗ Stop", text.Output, StringComparison.Ordinal);
        Assert.Contains("error   Manual.Stop", text.Output, StringComparison.Ordinal);
        var report = await File.ReadAllTextAsync(file);
        Assert.Contains("data-state=\"Hello\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("data-state=\"CheckLedger\"", report, StringComparison.Ordinal);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:one", JsonNode.Parse(json.Output)!["execution"]!["stateMachineArn"]!.GetValue<string>());
    }

    private async Task<string> FailedExecutionAsync()
    {
        await cli.RunAsync("process", cli.WriteFile("orders.csv", "id,amount\n1,2.50\n"), "--faults", "fail=InspectFile");
        var list = await cli.RunAsync("executions", "list", "--json");
        return list.JsonLines[0]["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
