using System.Text.Json.Serialization;

namespace FilePipeline.Benchmarks;

[JsonSerializable(typeof(Dictionary<string, double>))]
internal sealed partial class BenchmarkJsonContext : JsonSerializerContext;
