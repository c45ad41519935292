using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>Small JsonNode helpers shared by the engine.</summary>
internal static class JsonValues
{
    /// <summary>AWS's payload limit for state input, output and results: 256 KiB of UTF-8.</summary>
    public const int PayloadLimitBytes = 262_144;

    public static bool TryGetNumber(JsonNode? node, out double number)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            // Values built in code (intrinsics' ints and longs) do not convert to double by themselves.
            if (!value.TryGetValue(out number))
            {
                number = value.TryGetValue(out int small) ? small
                    : value.TryGetValue(out long large) ? large
                    : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
            }

            return true;
        }

        number = 0;
        return false;
    }

    public static bool TryGetString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = "";
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool flag)
    {
        var kind = node?.GetValueKind();
        flag = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>A node that can be inserted elsewhere: selections may still belong to their source tree.</summary>
    public static JsonNode? Detach(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    public static string ToJson(JsonNode? node) => JsonText.ToString(node);

    public static JsonNode? Parse(string json) => JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });

    /// <summary>Whether <paramref name="json"/> exceeds the payload limit; avoids counting bytes for small strings.</summary>
    public static bool ExceedsPayloadLimit(string json) =>
        json.Length * 3L > PayloadLimitBytes && Encoding.UTF8.GetByteCount(json) > PayloadLimitBytes;

    /// <summary>Serializes a payload for history, enforcing AWS's 256 KiB limit on state input and output.</summary>
    public static JsonText Payload(JsonNode? node, string what)
    {
        var json = JsonText.From(node);
        return json.ByteCount > PayloadLimitBytes ? throw PayloadTooLarge(what) : json;
    }

    /// <summary>A state's or task's payload (<c>state 'Name' input</c>) within the limit; the message is built only when it is not.</summary>
    public static JsonText Payload(JsonText json, string owner, string name, string part) =>
        json.ByteCount > PayloadLimitBytes ? throw PayloadTooLarge($"{owner} '{name}' {part}") : json;

    private static StateErrorException PayloadTooLarge(string what) =>
        new(StatesErrors.DataLimitExceeded, $"The {what} has exceeded the maximum number of bytes allowed ({PayloadLimitBytes}).");

    public static string TypeName(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            _ => "boolean",
        },
    };
}
