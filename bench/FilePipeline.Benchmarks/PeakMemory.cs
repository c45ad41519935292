using System.Diagnostics;
using System.Globalization;
using FilePipeline.Core.Csv;

namespace FilePipeline.Benchmarks;

/// <summary>
/// <c>memory &lt;MB&gt;</c>: inspects the generated file of that size in this fresh process and prints
/// the process's peak resident set. Run <c>generate &lt;MB&gt;</c> first so generation is not measured.
/// </summary>
internal static class PeakMemory
{
    public static async Task<int> RunAsync(long megabytes)
    {
        var path = CsvFileGenerator.PathFor(megabytes);
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"{path} does not exist; run 'generate {megabytes}' first.");
            return 1;
        }

        var started = Stopwatch.GetTimestamp();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var inspection = await CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(started);
        using var process = Process.GetCurrentProcess();
        var peakMb = process.PeakWorkingSet64 / (1024.0 * 1024.0);
        var throughput = inspection.Bytes / (1024.0 * 1024.0) / elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{megabytes} MB file: {inspection.RowCount} rows, {inspection.Bytes} bytes, {elapsed.TotalSeconds:F2} s, {throughput:F0} MB/s, peak RSS {peakMb:F1} MB"));
        return 0;
    }
}
