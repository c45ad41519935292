using BenchmarkDotNet.Attributes;
using CsvHelper;
using FilePipeline.Core.Csv;

namespace FilePipeline.Benchmarks;

/// <summary>
/// Full inspection beside a plain read of the same bytes (the baseline) and CsvHelper's bare
/// record loop (the target is ≥ 0.75 of it). Size: FILEPIPELINE_BENCH_MB (default 100).
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

    [Benchmark(Description = "CsvHelper bare loop")]
    public long CsvHelperBareLoop()
    {
        using var stream = Open();
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' });
        long records = 0;
        while (reader.Read())
        {
            records++;
        }

        return records;
    }

    [Benchmark(Description = "CsvInspector")]
    public async Task<long> Inspect()
    {
        await using var stream = Open();
        var inspection = await CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, CancellationToken.None);
        return inspection.RowCount;
    }

    private FileStream Open() =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
}
