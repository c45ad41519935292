using System.Text.Json.Nodes;
using FilePipeline.Cli.Commands;

namespace FilePipeline.Cli.Tests;

public class StatesCommandTests
{
    private static FileInfo Fixture(params string[] parts) => new(Path.Combine([AppContext.BaseDirectory, .. parts]));

    private static async Task<(int Exit, string Out, string Err)> Run(StatesRunOptions options)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await StatesCommand.RunAsync(options, output, error, TimeProvider.System, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Validate_exits_0_for_a_valid_definition()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, StatesCommand.Validate(Fixture("Definitions", "pass-chain.json"), output, error));
        Assert.Contains("valid", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_exits_2_with_the_errors_on_stderr()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(2, StatesCommand.Validate(Fixture("Definitions", "invalid", "unreachable.json"), output, error));
        Assert.Contains("UNREACHABLE_STATE", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_prints_the_output_and_exits_0()
    {
        var (exit, output, _) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "pass-chain.json"), Input = """{"x":1}""" });
        Assert.Equal(0, exit);
        Assert.Equal("""{"x":1,"a":1,"b":2}""", output.Trim());
    }

    [Fact]
    public async Task Run_with_json_prints_a_StartSyncExecution_response_and_exits_3_on_failure()
    {
        var (exit, output, _) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "fail-static.json"), Json = true, ExecutionName = "demo" });
        Assert.Equal(3, exit);
        var response = JsonNode.Parse(output)!;
        Assert.Equal("FAILED", response["status"]!.GetValue<string>());
        Assert.Equal("Custom.Error", response["error"]!.GetValue<string>());
        Assert.Equal("demo", response["name"]!.GetValue<string>());
        Assert.Contains(":express:fail-static:demo:", response["executionArn"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_html_writes_a_report_of_the_failed_execution()
    {
        var file = new FileInfo(Path.Combine(Path.GetTempPath(), $"states-run-{Guid.NewGuid():N}.html"));
        try
        {
            var (exit, _, error) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "fail-static.json"), Html = file });
            Assert.Equal(3, exit);
            Assert.Contains(file.FullName, error, StringComparison.Ordinal);
            var html = await File.ReadAllTextAsync(file.FullName);
            Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Custom.Error", html, StringComparison.Ordinal);
            Assert.Contains("ExecutionFailed", html, StringComparison.Ordinal);
        }
        finally
        {
            file.Delete();
        }
    }

    [Fact]
    public async Task Run_with_a_mock_config_serves_tasks_per_test_case_without_waiting()
    {
        var (exit, output, _) = await Run(new StatesRunOptions
        {
            Definition = Fixture("Definitions", "retry-backoff.json"),
            MockConfig = Fixture("Mocks", "flaky.mock.json"),
            TestCase = "RecoversOnThirdAttempt",
            NoWait = true,
            Json = true,
            History = true,
        });
        Assert.Equal(0, exit);
        var response = JsonNode.Parse(output)!;
        Assert.Equal("""{"StatusCode":200,"Payload":{"ok":true}}""", response["output"]!.GetValue<string>());
        Assert.Equal(2, response["events"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "TaskFailed"));
    }

    [Fact]
    public async Task Run_with_history_lists_the_events()
    {
        var (_, output, _) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "pass-chain.json"), History = true });
        Assert.Contains("PassStateEntered 'A'", output, StringComparison.Ordinal);
        Assert.Contains("ExecutionSucceeded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_input_is_a_usage_error()
    {
        var (exit, _, error) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "pass-chain.json"), Input = "{not json" });
        Assert.Equal(1, exit);
        Assert.Contains("Invalid execution input", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_case_without_a_mock_config_is_a_usage_error()
    {
        var (exit, _, _) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "pass-chain.json"), TestCase = "x" });
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task A_standard_run_of_a_Pass_cycle_ends_at_the_history_event_limit_with_a_standard_ARN()
    {
        var file = new FileInfo(Path.Combine(Path.GetTempPath(), $"cycle-{Guid.NewGuid():N}.asl.json"));
        await File.WriteAllTextAsync(file.FullName, """
            { "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "B" }, "B": { "Type": "Pass", "Next": "A" } } }
            """);
        try
        {
            var (exit, output, _) = await Run(new StatesRunOptions { Definition = file, Standard = true, Json = true, ExecutionName = "loop" });

            Assert.Equal(3, exit);
            var response = JsonNode.Parse(output)!;
            Assert.Equal(("FAILED", "States.Runtime"), (response["status"]!.GetValue<string>(), response["error"]!.GetValue<string>()));
            Assert.Contains("maximum number of history events (25000)", response["cause"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains(":execution:cycle-", response["executionArn"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            file.Delete();
        }
    }

    [Fact]
    public async Task An_invalid_definition_exits_2()
    {
        var (exit, _, error) = await Run(new StatesRunOptions { Definition = Fixture("Definitions", "invalid", "jsonata-with-jsonpath-fields.json") });
        Assert.Equal(2, exit);
        Assert.Contains("JSONata", error, StringComparison.Ordinal);
    }
}
