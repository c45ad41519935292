using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>Minified JSON text that keeps non-ASCII characters as they are, as AWS prints it.</summary>
internal static class CompactJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(JsonNode? value) => value?.ToJsonString(Options) ?? "null";
}
