using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FilePipeline.Benchmarks;

/// <summary>
/// Times the reference implementation (npm jsonata from the repository's <c>.tools</c>, installed by
/// .ci/run or the tests) on the same expressions and data, once per benchmark run, in node
/// (<c>jsonata-reference-timing.cjs</c>): after a warm-up, the median of several timed batches.
/// Shown beside our figures as "Reference" and "Ours/Reference".
/// </summary>
internal static class JsonataReferenceColumns
{
    private static readonly Lazy<Dictionary<string, double>> Timings = new(Measure);

    public static IColumn Reference { get; } = new TimingColumn("Reference", "Mean time of the reference implementation (node) on the same expression and data", report => Timings.Value.GetValueOrDefault(NameOf(report)) is var ns and > 0 ? Format(ns) : "NA");

    public static IColumn Ratio { get; } = new TimingColumn("Ours/Reference", "Our mean time divided by the reference implementation's (below 1 is faster)", report =>
        report.ResultStatistics is { } statistics && Timings.Value.GetValueOrDefault(NameOf(report)) is var ns and > 0
            ? (statistics.Mean / ns).ToString("F2", CultureInfo.InvariantCulture)
            : "NA");

    private static string NameOf(BenchmarkReport report) => (string)report.BenchmarkCase.Parameters["Name"];

    private static string Format(double nanoseconds) => (nanoseconds / 1000).ToString("N2", CultureInfo.InvariantCulture) + " μs";

    private static Dictionary<string, double> Measure()
    {
        var package = Path.Combine(RepositoryRoot.Path, ".tools", "node_modules", "jsonata");
        var script = Path.Combine(AppContext.BaseDirectory, "jsonata-reference-timing.cjs");
        var input = Path.GetTempFileName();
        try
        {
            var batch = new JsonObject { ["data"] = JsonNode.Parse(JsonataBenchmarkCases.Data), ["expressions"] = new JsonObject(JsonataBenchmarkCases.Expressions.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))) };
            File.WriteAllText(input, batch.ToJsonString());
            using var process = Process.Start(new ProcessStartInfo("node", [script, package, input]) { RedirectStandardOutput = true })!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return JsonSerializer.Deserialize(output, BenchmarkJsonContext.Default.DictionaryStringDouble) ?? [];
        }
        finally
        {
            File.Delete(input);
        }
    }

    private sealed class TimingColumn(string name, string legend, Func<BenchmarkReport, string> value) : IColumn
    {
        public string Id => name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => summary[benchmarkCase] is { } report ? value(report) : "NA";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
