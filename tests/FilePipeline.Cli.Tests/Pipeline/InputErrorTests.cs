using System.Diagnostics;

namespace FilePipeline.Cli.Tests.Pipeline;

/// <summary>Bad paths, misspelled faults and contradictory options get our words and exit 1, at once.</summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    private static void AssertUsage(CliResult result, string words)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(words, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_of_a_FIFO_is_refused_at_once_instead_of_waiting_for_a_writer()
    {
        var fifo = Path.Combine(Path.GetDirectoryName(cli.WriteFile("placeholder.csv", ""))!, "pipe.csv");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        var result = await cli.RunAsync("process", fifo).WaitAsync(TimeSpan.FromSeconds(60));

        AssertUsage(result, "is a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public async Task An_HTML_report_aimed_at_a_directory_or_a_missing_folder_is_a_usage_error()
    {
        await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));
        var folder = Path.GetDirectoryName(cli.WriteFile("placeholder.csv", ""))!;

        AssertUsage(await cli.RunAsync("executions", "show", "1", "--html", folder), "it is a directory; give a file name");
        AssertUsage(await cli.RunAsync("executions", "show", "1", "--html", Path.Combine(folder, "absent", "x.html")), "absent does not exist");
    }

    [Fact]
    public async Task Upload_of_a_device_is_refused()
    {
        AssertUsage(await cli.RunAsync("upload", "/dev/null", "--key", "in/null.csv"), "/dev/null is a character device, not a regular file");
    }

    [Fact]
    public async Task Directories_missing_files_and_link_loops_are_named_as_such()
    {
        var directory = Path.GetDirectoryName(cli.WriteFile("placeholder.csv", ""))!;
        var loop = Path.Combine(directory, "loop.csv");
        File.CreateSymbolicLink(loop, Path.Combine(directory, "loop2.csv"));
        File.CreateSymbolicLink(Path.Combine(directory, "loop2.csv"), loop);

        AssertUsage(await cli.RunAsync("process", directory), "is a directory, not a file");
        AssertUsage(await cli.RunAsync("process", Path.Combine(directory, "absent.csv")), "absent.csv does not exist");
        AssertUsage(await cli.RunAsync("process", loop), "is a loop of symbolic links");
        AssertUsage(await cli.RunAsync("states", "run", loop), "is a loop of symbolic links");
        AssertUsage(await cli.RunAsync("files", "--template", directory), "is a directory, not a template file");
    }

    [Theory]
    [InlineData("fail=InspectFiel", "there is no function 'InspectFiel'. Did you mean 'InspectFile'?")]
    [InlineData("exit-after=CliamFile", "there is no state 'CliamFile'. Did you mean 'ClaimFile'?")]
    public async Task A_misspelled_fault_rule_is_rejected_with_a_suggestion(string rule, string words)
    {
        AssertUsage(await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"), "--faults", rule), words);
    }

    [Fact]
    public async Task A_lease_of_zero_seconds_is_refused_with_the_range_that_makes_sense()
    {
        var result = await cli.With("FILEPIPELINE_LEASE_SECONDS", "0").RunAsync("process", CliHarness.Sample("customer-data.csv"));

        AssertUsage(result, "it must be a whole number of seconds from 1 to 43200");
    }

    [Fact]
    public async Task Executions_show_with_both_json_and_html_is_a_usage_error()
    {
        await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));

        AssertUsage(await cli.RunAsync("executions", "show", "1", "--json", "--html", Path.Combine(cli.StateDirectory, "x.html")), "give either --json or --html, not both");
    }

    [Fact]
    public async Task A_failure_without_a_ledger_error_does_not_blame_ValidateUpload()
    {
        // ProcessQueue failing whole batches leaves each message to its visibility timeout, as on AWS:
        // a 1 s timeout (and lease) lets the three receives and the DLQ happen in seconds.
        var result = await cli.With("FILEPIPELINE_VISIBILITY_TIMEOUT", "1").With("FILEPIPELINE_LEASE_SECONDS", "1")
            .RunAsync("process", CliHarness.Sample("customer-data.csv"), "--faults", "fail=ProcessQueue", "--json");

        Assert.Equal(3, result.ExitCode);
        var detail = Assert.Single(result.JsonLines)["detail"]!.GetValue<string>();
        Assert.DoesNotContain("ValidateUpload", detail, StringComparison.Ordinal);
        Assert.Contains("no execution claimed the file", detail, StringComparison.Ordinal);
    }
}
