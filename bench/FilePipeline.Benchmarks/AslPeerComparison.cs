using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States;

namespace FilePipeline.Benchmarks;

/// <summary>
/// <c>asl-peer</c>: our ASL engine against aws-local-stepfunctions (npm, in <c>bench/asl-peer</c> with
/// the Node ≥ 22 it needs) on the same definitions and inputs (<c>bench/asl-peer/definitions.json</c>),
/// in one run and by one method on both sides: in process, a warm-up that doubles the batch until
/// it takes 100 ms (and, for .NET's tiered JIT, more batches until two in a row compile nothing), then the median of 7 timed batches. Every Task state returns the same fixed result.
/// Each batch is timed by the wall clock and by the process's CPU time (all its threads: JIT, GC), which
/// a machine shared with other jobs disturbs far less.
/// </summary>
internal static class AslPeerComparison
{
    private const double BatchNanoseconds = 100e6;

    private const int MaxWarmUpBatches = 50;

    /// <param name="only">Definition names to run (all when empty): one alone is what a profiler should see.</param>
    public static async Task<int> RunAsync(IReadOnlyCollection<string> only)
    {
        var peer = Path.Combine(RepositoryRoot.Path, "bench", "asl-peer");
        var node = Path.Combine(peer, "node_modules", ".bin", "node");
        if (!File.Exists(node))
        {
            await Console.Error.WriteLineAsync($"error: {node} is missing; run `npm install` in {peer} first.");
            return 1;
        }

        var file = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(peer, "definitions.json")))!.AsObject();
        var taskResult = file["taskResult"]!;
        var cases = file["cases"]!.AsObject().Where(c => only.Count == 0 || only.Contains(c.Key)).ToList();
        var theirs = TimePeer(node, [Path.Combine(peer, "timing.mjs"), .. only]);
        var ours = new Dictionary<string, (double Wall, double Cpu, double Bytes)>(StringComparer.Ordinal);
        foreach (var (name, body) in cases)
        {
            var definition = StateMachineDefinition.Parse(body!["definition"]!.ToJsonString()).Definition!;
            var input = body["input"]!.ToJsonString();
            var handlers = new TaskHandlerRegistry();
            foreach (var resource in TaskResources(body["definition"]!))
            {
                handlers.Register(resource, (_, _) => Task.FromResult<JsonNode?>(taskResult.DeepClone()));
            }

            var engine = new StateMachineEngine(handlers, TimeProvider.System);
            ours[name] = await MedianNanosecondsAsync(async () =>
            {
                var result = await engine.StartExecutionAsync(definition, input, "bench");
                if (result.Status != ExecutionStatus.Succeeded)
                {
                    throw new InvalidOperationException($"{name} ended {result.Status}: {result.Error} {result.Cause}");
                }
            });
        }

        Console.WriteLine($"ASL engines, {Environment.ProcessorCount} CPU(s), load average {LoadAverage()}");
        Console.WriteLine("| Definition | Ours, wall | Theirs, wall | Theirs / ours, wall | Ours, CPU | Theirs, CPU | Theirs / ours, CPU | Ours, allocated |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var name in cases.Select(c => c.Key))
        {
            var (wall, cpu, bytes) = ours[name];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {Compare(wall, theirs.GetValueOrDefault(name))} | {Compare(cpu, theirs.GetValueOrDefault(name + ".cpu"))} | {bytes / 1024:N1} KB |"));
        }

        return 0;
    }

    /// <summary>Ours, theirs and their ratio as table cells; "failed" where the peer produced no figure.</summary>
    private static string Compare(double ours, double theirs) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Micro(ours)} | {(theirs > 0 ? Micro(theirs) : "failed")} | {(theirs > 0 ? (theirs / ours).ToString("F1", CultureInfo.InvariantCulture) + " ×" : "—")}");

    private static async Task<(double Wall, double Cpu, double Bytes)> MedianNanosecondsAsync(Func<Task> run)
    {
        var iterations = 1;
        while ((await BatchAsync(run, iterations)).Wall * iterations < BatchNanoseconds)
        {
            iterations *= 2;
        }

        // Untimed batches first, until tiered JIT has promoted the hot paths: two batches in a row that compile no
        // method (the JIT thread's CPU time would otherwise count as ours). Node's JIT warms in the doubling alone.
        for (var (quiet, warm) = (0, 0); quiet < 2 && warm < MaxWarmUpBatches; warm++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await BatchAsync(run, iterations);
            quiet = JitInfo.GetCompiledMethodCount() == compiled ? quiet + 1 : 0;
        }

        var batches = new (double Wall, double Cpu, double Bytes)[7];
        for (var b = 0; b < batches.Length; b++)
        {
            batches[b] = await BatchAsync(run, iterations);
        }

        return (Median(batches.Select(batch => batch.Wall)), Median(batches.Select(batch => batch.Cpu)), Median(batches.Select(batch => batch.Bytes)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static async Task<(double Wall, double Cpu, double Bytes)> BatchAsync(Func<Task> run, int iterations)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < iterations; i++)
        {
            await run();
        }

        var wall = Stopwatch.GetElapsedTime(started).TotalNanoseconds / iterations;
        process.Refresh();
        // Bytes allocated per execution do not depend on the machine's load, so they compare two builds exactly.
        var bytes = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated) / iterations;
        return (wall, (process.TotalProcessorTime - cpu).TotalNanoseconds / iterations, bytes);
    }

    private static Dictionary<string, double> TimePeer(string node, IEnumerable<string> arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(node, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? JsonSerializer.Deserialize(output, BenchmarkJsonContext.Default.DictionaryStringDouble) ?? [] : [];
    }

    /// <summary>Every Task state's Resource, nested Map and Parallel states included.</summary>
    private static IEnumerable<string> TaskResources(JsonNode node) => node switch
    {
        JsonObject state when state["Type"]?.GetValue<string>() == "Task" => [state["Resource"]!.GetValue<string>()],
        JsonObject obj => obj.SelectMany(p => p.Value is null ? [] : TaskResources(p.Value)).Distinct(StringComparer.Ordinal),
        JsonArray array => array.SelectMany(item => item is null ? [] : TaskResources(item)),
        _ => [],
    };

    private static string Micro(double nanoseconds) => (nanoseconds / 1000).ToString("N1", CultureInfo.InvariantCulture) + " μs";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
