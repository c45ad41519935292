using FilePipeline.Executions.Rendering;


namespace FilePipeline.Executions.Tests;

public class ExecutionTerminalViewTests
{
    [Fact]
    public void The_failed_execution_shows_its_path_with_marks_retries_the_catch_and_the_error()
    {
        var text = new StringWriter();

        ExecutionTerminalView.Render(ExecutionFixtures.Load("failed"), text);

        string[] lines = text.ToString().Split(Environment.NewLine);
        Assert.Equal("failed-orders  FAILED  12.101 s", lines[0]);
        Assert.StartsWith("input   {\"bucket\":\"uploads\",\"key\":\"in/orders.csv\"", lines[1], StringComparison.Ordinal);
        string[] path = lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [
                "  ✓ CheckLedger             19 ms",
                "  ✓ AlreadyRecorded          1 ms",
                "  ✓ ClaimFile               26 ms",
                "  → InspectFile          12.022 s  2 retries, TransientStorageException, caught → RecordFailure",
                "  ✓ RecordFailure           20 ms",
                "  ✗ FailProcessing           1 ms  FileProcessingFailed",
            ],
            path);
        Assert.Contains("error   FileProcessingFailed", lines);
        Assert.Contains("cause   InspectFile failed after its retries; the queue will redeliver the message", lines);
    }

    [Fact]
    public void A_task_that_succeeded_after_a_retry_is_marked_with_the_retry_sign()
    {
        var text = new StringWriter();

        ExecutionTerminalView.Render(ExecutionFixtures.Load("succeeded"), text);

        string output = text.ToString();
        Assert.Contains("  ↻ InspectFile", output, StringComparison.Ordinal);
        Assert.Contains("1 retry", output, StringComparison.Ordinal);
        Assert.Contains("output  {\"fileId\":\"uploads/in/orders.csv@9b2cf535f27731c974343645a3985328\",\"outcome\":\"PROCESSED\"}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.85, "850 ms")]
    [InlineData(1.2344, "1.234 s")]
    [InlineData(123.5, "2 min 03.5 s")]
    [InlineData(3720, "1 h 02 min")]
    public void Durations_are_written_in_the_unit_a_person_reads_best(double seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
    }
}
