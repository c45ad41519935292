using System.Text.Json.Serialization;

namespace FilePipeline.Annotations.Tests.Sample;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(GreetRequest))]
[JsonSerializable(typeof(Greeting))]
public sealed partial class SampleJsonContext : JsonSerializerContext;
