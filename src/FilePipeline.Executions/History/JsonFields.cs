using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Executions.History;

/// <summary>Lenient reads of the Step Functions API's JSON, which tools print in slightly different shapes.</summary>
internal static class JsonFields
{
    public static string? Text(JsonObject? node, string property) =>
        node?[property] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>The API returns epoch seconds; the AWS CLI and SDKs print ISO 8601 text.</summary>
    public static DateTimeOffset? Timestamp(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            double seconds = value.GetValue<double>();
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        return DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Re-indents JSON text for reading; text that is not JSON is shown as it is.</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "";
        }

        try
        {
            return JsonNode.Parse(json)?.ToJsonString(Indented) ?? "null";
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>The JSON value of <paramref name="json"/>, or the text itself as a string when it is not JSON.</summary>
    public static JsonNode? ParseOrText(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return JsonValue.Create(json);
        }
    }

    /// <summary>JSON text on one line; text that is not JSON has its line breaks replaced by spaces.</summary>
    public static string Compact(string text)
    {
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(Readable) ?? "null";
        }
        catch (JsonException)
        {
            return text.ReplaceLineEndings(" ");
        }
    }

    // Output is HTML-encoded or printed afterwards, so characters need no JSON escaping to be safe: keep them readable.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new(Readable) { WriteIndented = true };
}
