using FilePipeline.Cli.Executions;
using FilePipeline.Core.Ledger;
using FilePipeline.Executions.Rendering;
using FilePipeline.Host;

namespace FilePipeline.Cli.Pipeline;

/// <summary>
/// The four scenarios of `filepipeline demo`, each narrated and checked: a file processed, the same
/// file skipped as a duplicate, a file whose inspection always fails parked in the DLQ after 3
/// receives (its last execution written as failed.html in the state directory), and a malformed CSV
/// rejected with its line number.
/// </summary>
internal sealed class DemoScenarios(LocalPipeline pipeline, string samplesDirectory, TextWriter output)
{
    /// <summary>The fault the third scenario relies on: InspectFile fails for these keys on every try.</summary>
    public const string FlakyFault = "fail=InspectFile,key=demo/flaky-*";

    private const string FlakyKey = "demo/flaky-orders.csv";

    private int passed;
    private int total;

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var customers = Path.Combine(samplesDirectory, "customer-data.csv");
        var malformed = Path.Combine(samplesDirectory, "malformed.csv");
        foreach (var sample in new[] { customers, malformed })
        {
            if (!File.Exists(sample))
            {
                throw new UsageException($"sample {sample} is missing (--samples DIR names the folder with customer-data.csv and malformed.csv).");
            }
        }

        await output.WriteLineAsync($"FilePipeline demo on {pipeline.Options.StateDirectory}");
        await output.WriteLineAsync($"template {pipeline.Template.TemplatePath}: work queue maxReceiveCount {pipeline.Template.WorkQueue.Redrive?.MaxReceiveCount}, batch size {pipeline.Template.ProcessQueue.SqsEvents?.BatchSize}");

        var first = await StepAsync("1. samples/customer-data.csv (5 data rows) is uploaded and processed.", customers, "demo/customer-data.csv", cancellationToken);
        Check(first.Outcome == FileOutcome.Processed && first.Rows == 5, "PROCESSED with rowCount 5");

        var second = await StepAsync("2. The same bytes are uploaded again under the same key: same fileId, so the pipeline skips it.", customers, "demo/customer-data.csv", cancellationToken);
        var records = (await pipeline.Ledger.ListAsync(null, cancellationToken)).Count(r => r.FileId == first.FileId);
        Check(second.Outcome == FileOutcome.Duplicate && records == 1, $"DUPLICATE, and still {records} ledger record for {first.FileId}");

        var flakyPath = WriteFlakyFile();
        var third = await StepAsync($"3. InspectFile fails on every try for {FlakyKey} (fault '{FlakyFault}'): retried in the state machine, then by SQS, then parked.", flakyPath, FlakyKey, cancellationToken);
        var failedRecord = await pipeline.Ledger.GetAsync(third.FileId, cancellationToken);
        var parked = (await pipeline.DeadLetters.ListAsync(cancellationToken)).Any(l => l.Body.Contains(FlakyKey, StringComparison.Ordinal));
        Check(
            third.Outcome == FileOutcome.Failed && third.Attempts == 3 && failedRecord is { Status: FileStatus.Failed, Attempts: 3, LastError.Length: > 0 } && parked,
            "3 receives, then the DLQ; ledger FAILED with attempts 3 and lastError");
        if (await WriteLastExecutionReportAsync(third.FileId, "failed.html", cancellationToken) is { } report)
        {
            await output.WriteLineAsync($"   open {report} to see where it failed and why");
        }

        var fourth = await StepAsync("4. samples/malformed.csv has a stray quote in an unquoted field.", malformed, "demo/malformed.csv", cancellationToken);
        Check(fourth.Outcome == FileOutcome.Rejected && fourth.Detail?.Contains("line ", StringComparison.Ordinal) == true, "REJECTED with the line number in the reason");

        await output.WriteLineAsync();
        await output.WriteLineAsync("The ledger (filepipeline files):");
        await LedgerReport.WriteAsync(output, pipeline.Ledger, status: null, json: false, cancellationToken);
        await output.WriteLineAsync();
        await output.WriteLineAsync("The dead-letter queue (filepipeline dlq list):");
        DeadLetterReport.Write(output, await pipeline.DeadLetters.ListAsync(cancellationToken), await pipeline.FailedInvocations.ListAsync(cancellationToken), new Dictionary<string, FileStatus>(), json: false);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{passed} of {total} scenarios behaved as expected. Explore: filepipeline executions list --state-dir {pipeline.Options.StateDirectory}");
        return passed == total;
    }

    private async Task<FileOutcome> StepAsync(string narration, string path, string key, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync(narration);
        var outcome = (await PipelineSettler.ProcessAsync(pipeline, [(path, key)], cancellationToken))[0];
        OutcomeReport.Write(output, [outcome], json: false);
        return outcome;
    }

    /// <summary>The HTML report of the file's latest execution, in the state directory; its path, or null when the file never started one.</summary>
    private async Task<string?> WriteLastExecutionReportAsync(string fileId, string fileName, CancellationToken cancellationToken)
    {
        if (pipeline.Executions.List(fileId, limit: 1) is not [var execution])
        {
            return null;
        }

        var path = Path.Combine(pipeline.Options.StateDirectory, fileName);
        await File.WriteAllTextAsync(path, ExecutionHtmlReport.Render(StoredExecutionView.Read(pipeline, execution)), cancellationToken);
        return path;
    }

    private void Check(bool condition, string expectation)
    {
        total++;
        if (condition)
        {
            passed++;
        }

        output.WriteLine(condition ? $"   ✓ as expected: {expectation}" : $"   ✗ NOT as expected: {expectation}");
    }

    private string WriteFlakyFile()
    {
        var directory = Path.Combine(pipeline.Options.StateDirectory, "demo-input");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "flaky-orders.csv");
        File.WriteAllText(path, "order_id,customer_id,amount\n5001,1001,12.50\n5002,1003,99.00\n");
        return path;
    }
}
