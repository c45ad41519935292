using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Logs;

/// <summary>Reads a CloudWatch Logs request's members, answering a wrong type or range with InvalidParameterException as the service does.</summary>
public sealed class LogsRequest(JsonObject body)
{
    public string? Text(string member) => body[member] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw Invalid(member, "must be a string"),
    };

    public long? Number(string member) => body[member] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw Invalid(member, "must be a whole number"),
    };

    public bool Flag(string member) => body[member] switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw Invalid(member, "must be true or false"),
    };

    public IReadOnlyList<string>? Texts(string member) => body[member] switch
    {
        null => null,
        JsonArray array when array.All(item => item is JsonValue v && v.GetValueKind() == JsonValueKind.String) => [.. array.Select(item => item!.GetValue<string>())],
        _ => throw Invalid(member, "must be a list of strings"),
    };

    /// <summary>The <c>limit</c> member, checked against the operation's range.</summary>
    public int Limit(int maximum, int whenAbsent)
    {
        var limit = Number("limit") ?? whenAbsent;
        return limit is >= 1 && limit <= maximum
            ? (int)limit
            : throw new AwsErrorException("InvalidParameterException", string.Create(CultureInfo.InvariantCulture, $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value {(limit < 1 ? "greater than or equal to 1" : $"less than or equal to {maximum}")}"));
    }

    public static AwsErrorException Invalid(string member, string reason) => new("InvalidParameterException", $"{member} {reason}.");
}
