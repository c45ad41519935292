using System.Diagnostics;
using System.Globalization;

namespace FilePipeline.Benchmarks;

/// <summary>
/// <c>compare &lt;MB&gt; [rounds]</c>: runs <see cref="InspectionBenchmarks"/>' methods in interleaved
/// rounds in one process and prints each one's best elapsed time and best process CPU time, and
/// their ratio to CsvHelper's bare loop. Interleaving exposes every method to the same load, and
/// CPU time counts the work of every thread, hand-offs included, which a shared machine blurs less.
/// </summary>
internal static class InspectionComparison
{
    public static int Run(long megabytes, int rounds)
    {
        Environment.SetEnvironmentVariable("FILEPIPELINE_BENCH_MB", megabytes.ToString(CultureInfo.InvariantCulture));
        var benchmarks = new InspectionBenchmarks();
        benchmarks.Setup();
        (string Name, Action Run)[] methods =
        [
            ("FileStream read", () => benchmarks.PlainRead()),
            ("FileStream read + XXH128", () => benchmarks.ReadAndHash()),
            ("FileStream read + UTF-8 check", () => benchmarks.ReadAndValidateUtf8()),
            ("FileStream read + inspection's checks, no parse", () => benchmarks.ReadAndCheck()),
            ("CsvHelper bare loop", () => benchmarks.CsvHelperBareLoop()),
            ("CsvHelper bare loop, inspection's options", () => benchmarks.CsvHelperInspectionOptions()),
            ("CsvInspector, checks on the parser's thread", () => benchmarks.InspectOnOneThread().GetAwaiter().GetResult()),
            ("CsvInspector, checks ahead on a second thread", () => benchmarks.InspectOnTwoThreads().GetAwaiter().GetResult()),
        ];

        var bestElapsed = new double[methods.Length];
        var bestCpu = new double[methods.Length];
        Array.Fill(bestElapsed, double.MaxValue);
        Array.Fill(bestCpu, double.MaxValue);
        using var process = Process.GetCurrentProcess();
        for (var round = -2; round < rounds; round++) // two warm-up rounds let the JIT reach its final tier
        {
            for (var i = 0; i < methods.Length; i++)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                methods[i].Run();
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                if (round >= 0)
                {
                    bestElapsed[i] = Math.Min(bestElapsed[i], elapsed);
                    bestCpu[i] = Math.Min(bestCpu[i], cpu);
                }
            }
        }

        const int BareLoop = 4;
        Console.WriteLine($"{megabytes} MB, best of {rounds} interleaved rounds");
        Console.WriteLine("| Method | Min elapsed | Min CPU | vs bare loop (elapsed / CPU) |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        for (var i = 0; i < methods.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {methods[i].Name} | {bestElapsed[i]:F1} ms | {bestCpu[i]:F1} ms | {bestElapsed[BareLoop] / bestElapsed[i]:F2} / {bestCpu[BareLoop] / bestCpu[i]:F2} |"));
        }

        return 0;
    }
}
