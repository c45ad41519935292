using System.Text.Json.Nodes;

namespace FilePipeline.Cli.Tests.Pipeline;

public sealed class PipelineCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Process_records_the_sample_as_PROCESSED_with_five_rows_and_exits_0()
    {
        var result = await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"), "--key-prefix", "in/", "--json");

        Assert.Equal(0, result.ExitCode);
        var line = Assert.Single(result.JsonLines);
        Assert.Equal("PROCESSED", line["outcome"]!.GetValue<string>());
        Assert.Equal(5, line["rows"]!.GetValue<long>());
        Assert.Equal(1, line["attempts"]!.GetValue<int>());
        Assert.Matches("^filepipeline-uploads-123456789012-us-east-1/in/customer-data.csv@[0-9a-f]{32}$", line["fileId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_file_again_is_a_DUPLICATE_and_the_ledger_keeps_one_record()
    {
        await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));

        var again = await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));
        var files = await cli.RunAsync("files", "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains(" DUPLICATE ", again.Output, StringComparison.Ordinal);
        var record = Assert.Single(files.JsonLines);
        Assert.Equal(("PROCESSED", 5L, 1), (record["status"]!.GetValue<string>(), record["rowCount"]!.GetValue<long>(), record["attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_file_failing_on_every_try_exits_3_lands_in_the_DLQ_and_is_processed_after_a_redrive()
    {
        var path = cli.WriteFile("orders.csv", "id,amount\n1,2.50\n");

        var failed = await cli.RunAsync("process", path, "--faults", "fail=InspectFile", "--json");
        var parked = await cli.RunAsync("dlq", "list", "--json");
        var ledger = await cli.RunAsync("files", "--status", "failed", "--json");

        Assert.Equal(3, failed.ExitCode);
        Assert.Equal(("FAILED", 3), (failed.JsonLines[0]["outcome"]!.GetValue<string>(), failed.JsonLines[0]["attempts"]!.GetValue<int>()));
        Assert.Equal(3, Assert.Single(parked.JsonLines)["receiveCount"]!.GetValue<int>());
        var record = Assert.Single(ledger.JsonLines);
        Assert.Equal(3, record["attempts"]!.GetValue<int>());
        Assert.Contains("StorageUnavailableException", record["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        var redrive = await cli.RunAsync("dlq", "redrive", "--all");
        var run = await cli.RunAsync("run", "--until-idle");
        var after = await cli.RunAsync("files", "--json");
        var empty = await cli.RunAsync("dlq", "list");

        Assert.Equal((0, 0), (redrive.ExitCode, run.ExitCode));
        Assert.Contains("moved 1 message(s)", redrive.Output, StringComparison.Ordinal);
        Assert.Equal(("PROCESSED", 4), (Assert.Single(after.JsonLines)["status"]!.GetValue<string>(), after.JsonLines[0]["attempts"]!.GetValue<int>()));
        Assert.Contains("(the DLQ is empty)", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_CSV_exits_2_and_is_REJECTED_with_its_line_number()
    {
        var result = await cli.RunAsync("process", CliHarness.Sample("malformed.csv"), "--json");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.JsonLines);
        Assert.Equal("REJECTED", line["outcome"]!.GetValue<string>());
        Assert.Contains("line 3", line["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FILEPIPELINE_FAULTS_injects_failures_like_the_option()
    {
        cli.With("FILEPIPELINE_FAULTS", "fail=InspectFile,key=*.csv");

        var result = await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAILED (in DLQ)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_then_run_until_idle_processes_the_file()
    {
        var upload = await cli.RunAsync("upload", CliHarness.Sample("customer-data.csv"), "--key", "x/customers.csv");
        var run = await cli.RunAsync("run", "--until-idle", "--workers", "2");
        var files = await cli.RunAsync("files");

        Assert.Equal((0, 0), (upload.ExitCode, run.ExitCode));
        Assert.Contains("s3://filepipeline-uploads-123456789012-us-east-1/x/customers.csv", upload.Output, StringComparison.Ordinal);
        Assert.Contains("idle", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"x/customers\.csv@\S+\s+PROCESSED\s+5\s+1", files.Output);
    }

    [Fact]
    public async Task Executions_list_and_show_give_the_history_and_the_path_taken()
    {
        await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));
        var list = await cli.RunAsync("executions", "list", "--json");
        var id = Assert.Single(list.JsonLines)["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var json = await cli.RunAsync("executions", "show", id, "--json");
        var text = await cli.RunAsync("executions", "show", id);

        var document = JsonNode.Parse(json.Output)!;
        var path = document["path"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal(["CheckLedger", "ClaimFile", "InspectFile", "RecordProcessed", "Processed", "Done"], path.Where(state => !state.StartsWith("Is", StringComparison.Ordinal)));
        Assert.Equal("ExecutionStarted", document["events"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("ExecutionSucceeded", document["events"]!.AsArray()[^1]!["type"]!.GetValue<string>());
        Assert.All(path, state => Assert.Contains("  ✓ " + state, text.Output, StringComparison.Ordinal));
        Assert.Contains("TaskSucceeded", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--until-idle", "--watch")]
    [InlineData("run", "--workers", "0")]
    [InlineData("dlq", "redrive")]
    [InlineData("dlq", "redrive", "no-such-message")]
    [InlineData("executions", "show", "999")]
    [InlineData("files", "--status", "LOST")]
    [InlineData("process", "no-such-file.csv")]
    [InlineData("run", "--faults", "explode=everything")]
    public async Task Usage_errors_exit_1_with_a_message(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_the_bucket_does_not_notify_about_is_refused_before_uploading()
    {
        var path = cli.WriteFile("notes.txt", "id\n1\n");

        var result = await cli.RunAsync("process", path);
        var files = await cli.RunAsync("files", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ending '.csv'", result.Error, StringComparison.Ordinal);
        Assert.Empty(files.JsonLines);
    }

    [Fact]
    public async Task Uploading_a_key_outside_the_notification_filter_says_that_nothing_starts()
    {
        var result = await cli.RunAsync("upload", cli.WriteFile("notes.txt", "id\n1\n"));
        var run = await cli.RunAsync("run");
        var files = await cli.RunAsync("files", "--json");

        Assert.Equal((0, 0), (result.ExitCode, run.ExitCode));
        Assert.Contains("no processing starts", result.Output, StringComparison.Ordinal);
        Assert.Empty(files.JsonLines);
    }

    [Fact]
    public async Task A_missing_template_is_a_usage_error_naming_it()
    {
        var result = await cli.RunAsync("files", "--template", Path.Combine(cli.StateDirectory, "none", "serverless.template"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("none", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visibility_timeout_shorter_than_the_lease_is_refused()
    {
        cli.With("FILEPIPELINE_VISIBILITY_TIMEOUT", "10").With("FILEPIPELINE_LEASE_SECONDS", "20");

        var result = await cli.RunAsync("run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("FILEPIPELINE_LEASE_SECONDS", result.Error, StringComparison.Ordinal);
    }
}
