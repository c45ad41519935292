using System.Text.Json.Serialization;

namespace FilePipeline.States.Jsonata;

/// <summary>Source-generated (AOT-safe) JSON metadata for the few types the evaluator deserializes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class JsonataJsonContext : JsonSerializerContext;
