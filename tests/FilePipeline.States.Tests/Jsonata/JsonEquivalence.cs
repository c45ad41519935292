using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests.Jsonata;

/// <summary>JSON equality as JavaScript sees it: numbers by value (1 equals 1.0), object keys in any order.</summary>
public static class JsonEquivalence
{
    public static bool AreEquivalent(JsonNode? expected, JsonNode? actual)
    {
        switch (expected, actual)
        {
            case (null, null):
                return true;
            case (JsonObject e, JsonObject a):
                return e.Count == a.Count && e.All(pair => a.TryGetPropertyValue(pair.Key, out var value) && AreEquivalent(pair.Value, value));
            case (JsonArray e, JsonArray a):
                return e.Count == a.Count && e.Zip(a).All(pair => AreEquivalent(pair.First, pair.Second));
            case (JsonValue e, JsonValue a):
                if (e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number)
                {
                    var x = e.GetValue<double>();
                    var y = a.GetValue<double>();
                    return x == y || Math.Abs(x - y) <= 1e-13 * Math.Max(Math.Abs(x), Math.Abs(y));
                }

                return JsonNode.DeepEquals(e, a);
            default:
                return false;
        }
    }
}
