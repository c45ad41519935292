using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Host;
using FilePipeline.Host.EventSources;
using FilePipeline.Local;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline bench --files N [--workers W] [--size-bytes B]</c>: on fresh temporary state
/// directories, N generated CSVs through the whole local pipeline and through direct calls (put +
/// InspectFile + ledger write, no queue or state machine); prints files/s, the ratio, latency and where the time goes.
/// </summary>
internal static class BenchCommand
{
    /// <summary>How many files the one-at-a-time latency run sends (fewer when --files is smaller).</summary>
    private const int OneAtATimeFiles = 100;

    public static Command Create(CliEnvironment environment)
    {
        var files = new Option<int>("--files") { Description = "How many CSVs to push through.", Required = true };
        var workers = new Option<int>("--workers") { Description = "Concurrent pollers of each event source in the end-to-end run.", DefaultValueFactory = _ => 2 };
        var size = new Option<int>("--size-bytes") { Description = "Approximate size of each generated CSV.", DefaultValueFactory = _ => 200 };
        var template = new Option<string?>("--template") { Description = "The serverless.template to run (default: the one next to the program)." };
        var parent = new Option<string?>("--state-dir") { Description = "Where the bench makes its fresh state directories (default: the temp directory); they are deleted afterwards." };
        var command = new Command("bench", "Measure the local pipeline end to end against direct function calls. Exit 0, 1 on a usage error.") { files, workers, size, template, parent };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var count = parseResult.GetValue(files);
            var workerCount = parseResult.GetValue(workers);
            var bytes = parseResult.GetValue(size);
            if (count is < 1 or > 100_000 || workerCount is < 1 or > 64 || bytes is < 20 or > 10_000_000)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("error: --files must be 1–100000, --workers 1–64, --size-bytes 20–10000000.");
                return ExitCodes.Usage;
            }

            var root = parseResult.GetValue(parent) ?? System.IO.Path.GetTempPath();
            LocalHostOptions Options(string directory) => environment.Adjust(
                LocalHostOptions.Resolve(directory, parseResult.GetValue(template), null, environment.Variables) with { FunctionLog = TextWriter.Null });
            var endToEnd = await EndToEndAsync(root, Options, count, workerCount, bytes, cancellationToken);
            var direct = await DirectAsync(root, Options, count, bytes, cancellationToken);
            var oneAtATime = await OneAtATimeAsync(root, Options, Math.Min(count, OneAtATimeFiles), bytes, cancellationToken);
            await WriteReportAsync(output, count, workerCount, bytes, endToEnd, direct);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"one file at a time ({oneAtATime.Length}, 1 worker watching): upload→ledger p50 {Percentile(oneAtATime, 0.5):F1} ms, p99 {Percentile(oneAtATime, 0.99):F1} ms"));
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<EndToEndResult> EndToEndAsync(string root, Func<string, LocalHostOptions> options, int count, int workers, int bytes, CancellationToken cancellationToken)
    {
        using var directory = new TemporaryDirectory(root);
        using var pipeline = await LocalPipelines.OpenAsync(options(directory.Path), backend: null, cancellationToken);
        var cost = Cost.Start(pipeline);
        var clock = Stopwatch.StartNew();
        var uploadedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var info = await PutAsync(pipeline, i, bytes, cancellationToken);
            uploadedAt[FileIdOf(info)] = pipeline.Options.Time.GetUtcNow();
        }

        var uploadTime = clock.Elapsed;
        await new PipelineRunner(pipeline).RunAsync(RunMode.UntilIdle, workers, cancellationToken);
        var total = clock.Elapsed;
        var spent = cost.Stop();
        // Read before the summary below, which lists every execution: the pipeline's own peak, not the bench's.
        var peakRss = Process.GetCurrentProcess().PeakWorkingSet64;
        // What the run still holds (and the bench's upload times): flat with the file count if nothing per file is kept.
        var liveHeap = GC.GetTotalMemory(forceFullCollection: true);
        var processed = 0;
        var latencies = new List<double>(count);
        await foreach (var record in pipeline.Ledger.StreamAsync(FileStatus.Processed, cancellationToken))
        {
            processed++;
            if (record.ProcessedAt is { } processedAt && uploadedAt.TryGetValue(record.FileId, out var uploaded))
            {
                latencies.Add((processedAt - uploaded).TotalMilliseconds);
            }
        }

        var executions = pipeline.Executions.List(fileId: null, limit: count * 10)
            .Where(e => e.StopDate is not null).Sum(e => (e.StopDate!.Value - e.StartDate).TotalMilliseconds);
        return new EndToEndResult(processed, total, uploadTime, [.. latencies.Order()], TimeSpan.FromMilliseconds(executions), spent, peakRss, liveHeap);
    }

    /// <summary>
    /// Latency without a backlog: a watching worker, then files uploaded one after another, each
    /// once the previous one is in the ledger; each time runs from before the put until the ledger
    /// shows the file PROCESSED (the bench reads the ledger every millisecond).
    /// </summary>
    private static async Task<double[]> OneAtATimeAsync(string root, Func<string, LocalHostOptions> options, int count, int bytes, CancellationToken cancellationToken)
    {
        using var directory = new TemporaryDirectory(root);
        using var pipeline = await LocalPipelines.OpenAsync(options(directory.Path), backend: null, cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watching = new PipelineRunner(pipeline).RunAsync(RunMode.Watch, 1, stop.Token);
        var latencies = new double[count];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var fileId = FileIdOf(await PutAsync(pipeline, i, bytes, cancellationToken));
            while ((await pipeline.Ledger.GetAsync(fileId, cancellationToken))?.Status != FileStatus.Processed)
            {
                await Task.Delay(1, cancellationToken);
            }

            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        await stop.CancelAsync();
        try
        {
            await watching;
        }
        catch (OperationCanceledException)
        {
            // The watching worker ends by cancellation.
        }

        Array.Sort(latencies);
        return latencies;
    }

    private static async Task<DirectResult> DirectAsync(string root, Func<string, LocalHostOptions> options, int count, int bytes, CancellationToken cancellationToken)
    {
        using var directory = new TemporaryDirectory(root);
        using var pipeline = await LocalPipelines.OpenAsync(options(directory.Path), backend: null, cancellationToken);
        var cost = Cost.Start(pipeline);
        var clock = Stopwatch.StartNew();
        var inspect = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            var info = await PutAsync(pipeline, i, bytes, cancellationToken);
            var fileId = FileIdOf(info);
            var started = clock.Elapsed;
            var now = pipeline.Options.Time.GetUtcNow();
            var input = new JsonObject
            {
                ["bucket"] = info.Bucket, ["key"] = info.Key, ["versionId"] = info.VersionId, ["eTag"] = ETagOf(info), ["size"] = info.Size,
                ["sequencer"] = "0", ["eventTime"] = now.ToString("O", CultureInfo.InvariantCulture), ["fileId"] = fileId, ["fileName"] = info.Key,
                ["messageId"] = Guid.NewGuid().ToString(), ["receiveCount"] = 1, ["now"] = now.ToUnixTimeSeconds(), ["leaseUntil"] = now.ToUnixTimeSeconds() + 60,
            };
            var result = JsonNode.Parse(await pipeline.Functions.InvokeAsync(pipeline.Template.InspectFile, input.ToJsonString()))!;
            inspect += clock.Elapsed - started;
            await pipeline.Services.Table.ExecuteAsync("PutItem", new JsonObject
            {
                ["TableName"] = pipeline.Template.Table.Name,
                ["Item"] = new JsonObject
                {
                    [pipeline.Template.Table.PartitionKey] = new JsonObject { ["S"] = fileId },
                    ["status"] = new JsonObject { ["S"] = "PROCESSED" },
                    ["rowCount"] = new JsonObject { ["N"] = result["rowCount"]!.ToJsonString() },
                    ["processedAt"] = new JsonObject { ["S"] = now.ToString("O", CultureInfo.InvariantCulture) },
                },
                ["ConditionExpression"] = "attribute_not_exists(#id)",
                ["ExpressionAttributeNames"] = new JsonObject { ["#id"] = pipeline.Template.Table.PartitionKey },
            }, cancellationToken);
        }

        return new DirectResult(count, clock.Elapsed, inspect, cost.Stop());
    }

    private static async Task<ObjectInfo> PutAsync(LocalPipeline pipeline, int index, int bytes, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Csv(index, bytes));
        return await pipeline.Objects.PutAsync(pipeline.BucketName, $"bench/file-{index:D6}.csv", content, cancellationToken);
    }

    /// <summary>A CSV of about <paramref name="bytes"/> bytes whose first row makes it unique.</summary>
    private static byte[] Csv(int index, int bytes)
    {
        var text = new StringBuilder("id,name,amount\n");
        for (var row = 0; text.Length < bytes; row++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row},file{index}-row{row},{(index * 31 + row) % 1000}.50\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string ETagOf(ObjectInfo info) => info.ETag.Trim('"').ToLowerInvariant();

    private static string FileIdOf(ObjectInfo info) => $"{info.Bucket}/{info.Key}@{ETagOf(info)}";

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    private static async Task WriteReportAsync(TextWriter output, int count, int workers, int bytes, EndToEndResult endToEnd, DirectResult direct)
    {
        var e2eRate = endToEnd.Processed / endToEnd.Total.TotalSeconds;
        var directRate = direct.Files / direct.Total.TotalSeconds;
        var runTime = endToEnd.Total - endToEnd.Upload;
        var invariant = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(invariant, $"bench: {count} files of ~{bytes} bytes, {workers} worker(s), {Environment.ProcessorCount} CPU(s)"));
        await output.WriteLineAsync(string.Create(invariant, $"end-to-end: {endToEnd.Processed} PROCESSED in {endToEnd.Total.TotalSeconds:F2} s = {e2eRate:F1} files/s"));
        await output.WriteLineAsync(string.Create(invariant, $"direct:     {direct.Files} recorded in {direct.Total.TotalSeconds:F2} s = {directRate:F1} files/s"));
        await output.WriteLineAsync(string.Create(invariant, $"ratio end-to-end/direct: {e2eRate / directRate:F2}"));
        await output.WriteLineAsync(string.Create(invariant, $"latency upload→ledger: p50 {Percentile(endToEnd.LatenciesMs, 0.5):F0} ms, p99 {Percentile(endToEnd.LatenciesMs, 0.99):F0} ms"));
        await output.WriteLineAsync(string.Create(invariant, $"time: uploads (object put + S3 event) {endToEnd.Upload.TotalSeconds:F2} s; run {runTime.TotalSeconds:F2} s, of which executions {endToEnd.Executions.TotalSeconds / workers:F2} s per worker, the rest queue and ValidateUpload/ProcessQueue"));
        await output.WriteLineAsync(string.Create(invariant, $"direct: InspectFile {direct.Inspect.TotalSeconds:F2} s, object puts and ledger writes {(direct.Total - direct.Inspect).TotalSeconds:F2} s"));
        await output.WriteLineAsync(string.Create(invariant, $"per file: end-to-end {PerFile(endToEnd.Spent, endToEnd.Processed)}; direct {PerFile(direct.Spent, direct.Files)}"));
        await output.WriteLineAsync(string.Create(invariant, $"peak RSS by the end of the end-to-end run: {endToEnd.PeakRssBytes / (1024 * 1024)} MB; live managed heap after it (full GC) {endToEnd.LiveHeapBytes / (1024.0 * 1024):F1} MB"));
    }

    private static string PerFile(Spent spent, int files) =>
        string.Create(CultureInfo.InvariantCulture, $"{spent.Cpu.TotalMilliseconds / Math.Max(1, files):F1} ms CPU, {(double)spent.Commits / Math.Max(1, files):F1} commits");

    private sealed record EndToEndResult(int Processed, TimeSpan Total, TimeSpan Upload, double[] LatenciesMs, TimeSpan Executions, Spent Spent, long PeakRssBytes, long LiveHeapBytes);

    private sealed record DirectResult(int Files, TimeSpan Total, TimeSpan Inspect, Spent Spent);

    /// <summary>The process's CPU time and the pipeline's commits (one fsync each) over a run.</summary>
    private sealed record Spent(TimeSpan Cpu, long Commits);

    private sealed class Cost(LocalPipeline pipeline, TimeSpan cpu, long commits)
    {
        public static Cost Start(LocalPipeline pipeline) => new(pipeline, Process.GetCurrentProcess().TotalProcessorTime, GroupCommits(pipeline));

        public Spent Stop() => new(Process.GetCurrentProcess().TotalProcessorTime - cpu, GroupCommits(pipeline) - commits);
    }

    // The bench always runs on the embedded backend, whose state directory is the pipeline's local state.
    private static long GroupCommits(LocalPipeline pipeline) => ((EmbeddedBackend)pipeline.State).Database.GroupCommits;

    /// <summary>A fresh state directory, deleted afterwards.</summary>
    private sealed class TemporaryDirectory(string root) : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(root, "fp-bench-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}
