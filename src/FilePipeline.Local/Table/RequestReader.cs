using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>Reads the scalar members of a DynamoDB JSON request, with DynamoDB's validation wording.</summary>
internal static class RequestReader
{
    /// <summary>Legacy and index parameters the embedded table does not implement; ignoring them would silently drop a condition or filter.</summary>
    private static readonly string[] Unsupported =
        ["Expected", "ConditionalOperator", "AttributesToGet", "AttributeUpdates", "ScanFilter", "KeyConditions", "QueryFilter", "IndexName", "Segment", "TotalSegments"];

    public static void ThrowIfUnsupported(JsonObject request)
    {
        if (Array.Find(Unsupported, member => request.ContainsKey(member)) is { } member)
        {
            throw DynamoDbErrors.Invalid($"The embedded table does not support the parameter {member}; use the expression parameters instead");
        }
    }

    public static string RequiredString(JsonObject request, string member) =>
        OptionalString(request, member)
        ?? throw DynamoDbErrors.Invalid($"1 validation error detected: Value null at '{CamelCase(member)}' failed to satisfy constraint: Member must not be null");

    public static string? OptionalString(JsonObject request, string member) =>
        request[member] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw DynamoDbErrors.Invalid($"1 validation error detected: Value at '{CamelCase(member)}' must be a string"),
        };

    public static int? OptionalInt(JsonObject request, string member) =>
        request[member] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
            _ => throw DynamoDbErrors.Invalid($"1 validation error detected: Value at '{CamelCase(member)}' must be an integer"),
        };

    /// <summary>An enum-like member, checked against the values the operation accepts.</summary>
    public static string Choice(JsonObject request, string member, string fallback, params string[] allowed)
    {
        var value = OptionalString(request, member) ?? fallback;
        if (!allowed.Contains(value))
        {
            throw member == "ReturnValues"
                ? DynamoDbErrors.Invalid("Return values set to invalid value")
                : DynamoDbErrors.Invalid($"1 validation error detected: Value '{value}' at '{CamelCase(member)}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }

        return value;
    }

    private static string CamelCase(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
