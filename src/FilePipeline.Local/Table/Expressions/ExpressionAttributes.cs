using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>
/// A request's ExpressionAttributeNames and ExpressionAttributeValues, remembering which ones the
/// expressions used: DynamoDB rejects a request that defines a placeholder it never uses.
/// </summary>
internal sealed class ExpressionAttributes
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedValues = new(StringComparer.Ordinal);

    public ExpressionAttributes(JsonObject request)
    {
        if (request["ExpressionAttributeNames"] is JsonObject nameMap)
        {
            if (nameMap.Count == 0)
            {
                throw DynamoDbErrors.Invalid("ExpressionAttributeNames must not be empty");
            }

            foreach (var (key, value) in nameMap)
            {
                if (!key.StartsWith('#') || key.Length < 2)
                {
                    throw DynamoDbErrors.Invalid($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");
                }

                names[key] = value?.GetValue<string>() ?? string.Empty;
            }
        }

        if (request["ExpressionAttributeValues"] is JsonObject valueMap)
        {
            if (valueMap.Count == 0)
            {
                throw DynamoDbErrors.Invalid("ExpressionAttributeValues must not be empty");
            }

            foreach (var (key, value) in valueMap)
            {
                if (!key.StartsWith(':') || key.Length < 2)
                {
                    throw DynamoDbErrors.Invalid($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");
                }

                values[key] = NormalizeValue(key, value);
            }
        }
    }

    public string ResolveName(string placeholder, string kind)
    {
        if (!names.TryGetValue(placeholder, out var name))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"An expression attribute name used in the document path is not defined; attribute name: {placeholder}");
        }

        usedNames.Add(placeholder);
        return name;
    }

    public JsonObject ResolveValue(string placeholder, string kind)
    {
        if (!values.TryGetValue(placeholder, out var value))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"An expression attribute value used in expression is not defined; attribute value: {placeholder}");
        }

        usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Call after parsing every expression of the request.</summary>
    public void ThrowIfAnyUnused(bool requestHasExpressions)
    {
        if (!requestHasExpressions)
        {
            if (names.Count > 0)
            {
                throw DynamoDbErrors.Invalid("ExpressionAttributeNames can only be specified when using expressions");
            }

            if (values.Count > 0)
            {
                throw DynamoDbErrors.Invalid("ExpressionAttributeValues can only be specified when using expressions");
            }

            return;
        }

        var unusedNames = names.Keys.Where(key => !usedNames.Contains(key)).ToList();
        if (unusedNames.Count > 0)
        {
            throw DynamoDbErrors.Invalid($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }

        var unusedValues = values.Keys.Where(key => !usedValues.Contains(key)).ToList();
        if (unusedValues.Count > 0)
        {
            throw DynamoDbErrors.Invalid($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }
    }

    private static JsonObject NormalizeValue(string key, JsonNode? value)
    {
        try
        {
            return AttributeValues.Normalize(value);
        }
        catch (DynamoDbException error)
        {
            throw DynamoDbErrors.Invalid($"ExpressionAttributeValues contains invalid value: {error.Message} for key {key}");
        }
    }
}
