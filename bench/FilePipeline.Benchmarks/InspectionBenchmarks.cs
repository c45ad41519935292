using System.IO.Hashing;
using System.Text.Unicode;
using BenchmarkDotNet.Attributes;
using CsvHelper;
using FilePipeline.Core.Csv;

namespace FilePipeline.Benchmarks;

/// <summary>
/// Full inspection beside a plain read of the same bytes (the baseline) and CsvHelper's bare
/// record loop (the target is ≥ 0.75 of it), with the floors of the pass's parts: the read plus
/// XXH128, the read plus UTF-8 validation, the read plus all the inspection's checks without the
/// parse, and the bare loop with the inspection's parser options. The inspection runs twice: with
/// its checks on the parser's thread and ahead on a second thread.
/// Size: FILEPIPELINE_BENCH_MB (default 100).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class InspectionBenchmarks
{
    private string path = "";

    public static long Megabytes =>
        long.TryParse(Environment.GetEnvironmentVariable("FILEPIPELINE_BENCH_MB"), out var mb) ? mb : 100;

    [GlobalSetup]
    public void Setup() => path = CsvFileGenerator.Ensure(Megabytes).Path;

    [Benchmark(Baseline = true, Description = "FileStream read")]
    public long PlainRead()
    {
        using var stream = Open();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark(Description = "FileStream read + XXH128")]
    public ulong ReadAndHash()
    {
        var hash = new XxHash128();
        ReadAll(hash.Append);
        return (ulong)hash.GetCurrentHashAsUInt128();
    }

    [Benchmark(Description = "FileStream read + UTF-8 check")]
    public int ReadAndValidateUtf8()
    {
        // Buffers cut characters, so this floor judges buffers on their own; the pass joins the pieces.
        var validBuffers = 0;
        ReadAll(bytes => validBuffers += Utf8.IsValid(bytes) ? 1 : 0);
        return validBuffers;
    }

    [Benchmark(Description = "CsvHelper bare loop")]
    public long CsvHelperBareLoop() => CountRecords(CsvReaderOptions.Default with { Separator = ',' });

    [Benchmark(Description = "CsvHelper bare loop, inspection's options")]
    public long CsvHelperInspectionOptions() => CountRecords(CsvInspector.ReaderOptions(CsvInspectionOptions.Default));

    [Benchmark(Description = "FileStream read + inspection's checks, no parse")]
    public string ReadAndCheck()
    {
        using var stream = Open();
        using var checks = new InspectedStream(stream, (byte)',', maxBytes: null, retainedBytes: 0, checksAhead: false, CancellationToken.None);
        return checks.Complete();
    }

    [Benchmark(Description = "CsvInspector, checks on the parser's thread")]
    public Task<long> InspectOnOneThread() => Inspect(checksAhead: false);

    [Benchmark(Description = "CsvInspector, checks ahead on a second thread")]
    public Task<long> InspectOnTwoThreads() => Inspect(checksAhead: true);

    private async Task<long> Inspect(bool checksAhead)
    {
        await using var stream = Open();
        var inspection = await CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, checksAhead, CancellationToken.None);
        return inspection.RowCount;
    }

    private long CountRecords(CsvReaderOptions options)
    {
        using var stream = Open();
        using var reader = CsvReader.Create(stream, options);
        long records = 0;
        while (reader.Read())
        {
            records++;
        }

        return records;
    }

    private void ReadAll(Action<ReadOnlySpan<byte>> consume)
    {
        using var stream = Open();
        var buffer = new byte[128 * 1024];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            consume(buffer.AsSpan(0, read));
        }
    }

    private FileStream Open() =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
