using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// JSON value equality for ArrayContains and ArrayUnique: objects compare regardless of key
/// order, numbers by value. The hash agrees with <see cref="JsonNode.DeepEquals"/>, so lookups are O(1).
/// </summary>
internal sealed class JsonNodeEqualityComparer : IEqualityComparer<JsonNode?>
{
    public static JsonNodeEqualityComparer Instance { get; } = new();

    public bool Equals(JsonNode? x, JsonNode? y) => JsonNode.DeepEquals(x, y);

    public int GetHashCode(JsonNode? obj) => obj?.GetValueKind() switch
    {
        null or JsonValueKind.Null => 0,
        JsonValueKind.Object => HashObject(obj.AsObject()),
        JsonValueKind.Array => HashArray(obj.AsArray()),
        JsonValueKind.Number => double.Parse(obj.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture).GetHashCode(),
        JsonValueKind.String => StringComparer.Ordinal.GetHashCode(obj.GetValue<string>()),
        var kind => kind.GetHashCode(),
    };

    private int HashArray(JsonArray array)
    {
        var hash = new HashCode();
        foreach (var item in array)
        {
            hash.Add(GetHashCode(item));
        }

        return hash.ToHashCode();
    }

    // Order-independent: XOR of per-property hashes.
    private int HashObject(JsonObject obj)
    {
        var hash = 17;
        foreach (var (key, value) in obj)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(key), GetHashCode(value));
        }

        return hash;
    }
}
