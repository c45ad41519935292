using System.Text.Json.Serialization;

namespace FilePipeline.States.Tests;

[JsonSerializable(typeof(string))]
internal sealed partial class StatesTestJson : JsonSerializerContext;
