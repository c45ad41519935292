using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

internal static class JsonArrayExtensions
{
    /// <summary>Empties the array and returns its items, free to be added to another parent.</summary>
    public static JsonNode?[] DetachItems(this JsonArray array)
    {
        var items = array.ToArray();
        array.Clear();
        return items;
    }
}
