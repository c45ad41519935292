using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FilePipeline.States.Jsonata;

namespace FilePipeline.Benchmarks;

/// <summary>
/// Evaluation cost of compiled JSONata expressions (parse once, evaluate many times) on one order
/// document. The same expressions and data are timed in node with the reference implementation
/// (npm jsonata, see <see cref="JsonataReferenceColumns"/>) in the same run, shown as extra columns.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(JsonataReferenceConfig))]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs benchmarks as instance methods.")]
public class JsonataBenchmarks
{
    private JsonataExpression expression = null!;
    private JsonNode input = null!;

    [ParamsSource(nameof(Names))]
    public string Name { get; set; } = string.Empty;

    public static IEnumerable<string> Names => JsonataBenchmarkCases.Expressions.Keys;

    [GlobalSetup]
    public void Setup()
    {
        expression = JsonataExpression.Compile(JsonataBenchmarkCases.Expressions[Name]);
        input = JsonNode.Parse(JsonataBenchmarkCases.Data)!;
    }

    [Benchmark]
    public JsonataResult Evaluate() => expression.Evaluate(input);

    private sealed class JsonataReferenceConfig : ManualConfig
    {
        public JsonataReferenceConfig() => AddColumn(JsonataReferenceColumns.Reference, JsonataReferenceColumns.Ratio);
    }
}
