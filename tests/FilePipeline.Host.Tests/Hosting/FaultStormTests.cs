using System.Globalization;
using System.Text;
using System.Text.Json;
using FilePipeline.Core;
using FilePipeline.Core.Ledger;
using FilePipeline.Functions;
using FilePipeline.Host.EventSources;
using Xunit.Abstractions;

namespace FilePipeline.Host.Tests.Hosting;

/// <summary>
/// The fault storm of docs/reliability.md on a fake clock: half of all table operations throttled
/// and functions failing at random, then the invariant: every upload has exactly one record,
/// PROCESSED with its true row count or FAILED with its message in the DLQ; none PROCESSING.
/// </summary>
public sealed class FaultStormTests(ITestOutputHelper log) : IDisposable
{
    private const int Files = 100;
    private const string Faults = "throttle=0.5;fail=InspectFile,key=storm/*0.csv;fail=InspectFile,times=60;fail=ValidateUpload,times=20;fail=ProcessQueue,times=5";

    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Under_a_storm_of_throttling_and_function_failures_every_upload_ends_PROCESSED_or_FAILED_in_the_DLQ()
    {
        var pipeline = await fixture.OpenAsync(Faults);
        var random = new Random(20261206);
        var expectedRows = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < Files; i++)
        {
            var rows = 1 + random.Next(20);
            var csv = new StringBuilder("id,amount\n");
            for (var row = 0; row < rows; row++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{row},{random.Next(1000)}\n");
            }

            var stored = await PipelineFixture.UploadAsync(pipeline, $"storm/{i:D3}.csv", csv.ToString());
            expectedRows[new FileRef(stored.Bucket, stored.Key, stored.ETag, stored.VersionId).FileId] = rows;
        }

        var runner = new PipelineRunner(pipeline);
        for (var round = 0; !await runner.IsSettledAsync(); round++)
        {
            Assert.True(round < 5_000, "the storm never settled");
            if (!await runner.PollOnceAsync())
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        var records = await pipeline.Ledger.ListAsync(null, CancellationToken.None);
        var letters = await pipeline.DeadLetters.ListAsync(CancellationToken.None);
        var parked = letters.Select(FileIdOf).ToHashSet(StringComparer.Ordinal);
        // ValidateUpload failing all 3 async tries (its ledger write throttled each time) sends Lambda's
        // invocation record, with the S3 event in it, to the failed-invoke queue, as its OnFailure does.
        var failedInvokes = await pipeline.FailedInvocations.ListAsync(CancellationToken.None);
        var neverAccepted = expectedRows.Keys.Except(records.Select(r => r.FileId)).ToList();
        Assert.Equal(records.Count, records.Select(r => r.FileId).Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(expectedRows.Keys.ToHashSet(StringComparer.Ordinal), records.Select(r => r.FileId).ToHashSet(StringComparer.Ordinal));
        Assert.All(neverAccepted, id => Assert.Contains(failedInvokes, l => l.Body.Contains("\"ObjectCreated:Put\"", StringComparison.Ordinal) && l.Body.Contains(id[(id.IndexOf('/', StringComparison.Ordinal) + 1)..id.IndexOf('@', StringComparison.Ordinal)], StringComparison.Ordinal)));
        Assert.True(neverAccepted.Count <= 3, $"{neverAccepted.Count} uploads were never accepted");
        Assert.All(records, record => Assert.True(
            record switch
            {
                { Status: FileStatus.Processed } => record.RowCount == expectedRows[record.FileId] && record.LastError is null,
                { Status: FileStatus.Failed } => parked.Contains(record.FileId) && record.LastError is { Length: > 0 },
                _ => false,
            },
            record.ToString()));
        var failed = records.Count(r => r.Status == FileStatus.Failed);
        log.WriteLine($"fault storm ({Faults}): {Files} uploads, PROCESSED {records.Count - failed}, FAILED (in the DLQ) {failed}, S3 event parked {neverAccepted.Count}, executions {pipeline.Executions.List().Count}");
        Assert.InRange(failed, Files / 10, Files - 1);
    }

    /// <summary>The fileId of a parked work message; empty for anything else.</summary>
    private static string FileIdOf(Core.Ports.DeadLetter letter)
    {
        try
        {
            return JsonSerializer.Deserialize(letter.Body, FunctionsJsonContext.Default.QueueMessage) is { ETag: { } eTag } body
                ? new FileRef(body.Bucket, body.Key, eTag, body.VersionId).FileId
                : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
