using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Runtime;
using FilePipeline.Lambda.Composition;
using FilePipeline.Lambda.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Lambda.Tests.Metrics;

public sealed class MeteredDecoratorTests : IDisposable
{
    private readonly StringWriter output = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => output.Dispose();

    [Theory]
    [InlineData(WorkflowStatus.Succeeded, """{"fileId":"b/k@e","outcome":"PROCESSED"}""", "FilesProcessed")]
    [InlineData(WorkflowStatus.Succeeded, """{"fileId":"b/k@e","outcome":"DUPLICATE"}""", "FilesDuplicate")]
    [InlineData(WorkflowStatus.Succeeded, """{"fileId":"b/k@e","outcome":"REJECTED"}""", "FilesRejected")]
    [InlineData(WorkflowStatus.Failed, null, "FilesFailed")]
    [InlineData(WorkflowStatus.TimedOut, null, "FilesFailed")]
    public async Task Each_execution_outcome_is_counted_once(WorkflowStatus status, string? executionOutput, string expectedMetric)
    {
        var starter = new MeteredWorkflowStarter(new FixedStarter(new WorkflowResult("arn:x", status, executionOutput, null, null)), Writer());

        var result = await starter.StartSyncExecutionAsync("n", "{}", CancellationToken.None);

        Assert.Equal(status, result.Status);
        Assert.Equal(1, (double?)Single()[expectedMetric]);
    }

    [Fact]
    public async Task An_output_that_is_not_the_pipelines_is_not_counted()
    {
        var starter = new MeteredWorkflowStarter(new FixedStarter(new WorkflowResult("arn:x", WorkflowStatus.Succeeded, "not json", null, null)), Writer());

        await starter.StartSyncExecutionAsync("n", "{}", CancellationToken.None);

        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Only_a_rejection_actually_recorded_is_counted()
    {
        var ledger = new MeteredLedger(new OneRecordLedger(), Writer());
        var record = new FileRecord { FileId = "b/k@e", Bucket = "b", Key = "k", FileName = "k", ETag = "e", Status = FileStatus.Rejected };

        Assert.True(await ledger.TryRecordRejectedAsync(record, CancellationToken.None));
        Assert.False(await ledger.TryRecordRejectedAsync(record, CancellationToken.None));

        Assert.Equal(1, (double?)Single()["FilesRejected"]);
    }

    [Fact]
    public async Task An_inspection_reports_its_rows_and_duration_with_the_request_id()
    {
        var inspect = AwsFunctionServices.MeasureInspection(
            (_, _, _) =>
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                return Task.FromResult<ReadOnlyMemory<byte>>(Encoding.UTF8.GetBytes("""{"rowCount":1200,"columnCount":3,"header":["a","b","c"],"bytes":9000,"checksum":"xxh128:00","raggedRows":0,"firstRaggedLine":null}"""));
            },
            Writer(),
            time);
        var context = new LambdaContext("req-9", "InspectFile", "arn", time.GetUtcNow().AddMinutes(1), new JsonLambdaLogger(TextWriter.Null, time), time);

        await inspect(ReadOnlyMemory<byte>.Empty, context, CancellationToken.None);

        var line = Single();
        Assert.Equal(1200, (double?)line["RowsCounted"]);
        Assert.Equal(250, (double?)line["InspectDuration"]);
        Assert.Equal("req-9", (string?)line["requestId"]);
    }

    private EmbeddedMetricWriter Writer() => new(output, time, "f");

    private JsonNode Single() => JsonNode.Parse(Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)))!;

    private sealed class FixedStarter(WorkflowResult result) : IWorkflowStarter
    {
        public Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken) => Task.FromResult(result);
    }

    private sealed class OneRecordLedger : ILedger
    {
        private readonly HashSet<string> ids = [];

        public Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken) => Task.FromResult<FileRecord?>(null);

        public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) => Task.FromResult(ids.Add(record.FileId));

        public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => Task.FromResult(ids.Add(record.FileId));

        public Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(false);

        public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken) => AsyncEnumerable.Empty<FileRecord>();
    }
}
