using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>
/// A payload serialized once, as UTF-8 (the same text as <see cref="JsonNode.ToJsonString"/>): its size
/// is known at once for AWS's payload limit, its text is made only when someone reads the history.
/// </summary>
internal sealed class JsonText
{
    // One writer per thread: serializing never calls back into the engine, so it is never re-entered.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    private readonly byte[] utf8;
    private string? text;

    private JsonText(byte[] utf8) => this.utf8 = utf8;

    public int ByteCount => utf8.Length;

    public static JsonText From(JsonNode? node) => new(Write(node).ToArray());

    /// <summary>The node's JSON text, without the writer and buffer <see cref="JsonNode.ToJsonString"/> allocates on every call.</summary>
    public static string ToString(JsonNode? node) => Encoding.UTF8.GetString(Write(node));

    public override string ToString() => text ??= Encoding.UTF8.GetString(utf8);

    private static ReadOnlySpan<byte> Write(JsonNode? node)
    {
        buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        if (writer is null)
        {
            // The nodes are well-formed by construction; skipping the writer's structure checks changes no byte.
            writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            writer.Reset(buffer);
        }

        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }

        writer.Flush();
        return buffer.WrittenSpan;
    }
}
