using System.Text.Json.Serialization;
using FilePipeline.Serve.S3;

namespace FilePipeline.Serve;

[JsonSerializable(typeof(StoredUpload))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonNode))]
internal sealed partial class ServeJsonContext : JsonSerializerContext;
