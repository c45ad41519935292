using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>A table's key schema: a partition key and an optional sort key, each S, N or B.</summary>
internal sealed record TableSchema(
    string Name,
    string PartitionKey,
    string PartitionKeyType,
    string? SortKey,
    string? SortKeyType,
    DateTimeOffset CreatedAt)
{
    private IEnumerable<(string Name, string Type)> KeyAttributes =>
        SortKey is null ? [(PartitionKey, PartitionKeyType)] : [(PartitionKey, PartitionKeyType), (SortKey, SortKeyType!)];

    public bool IsKeyAttribute(string name) => name == PartitionKey || name == SortKey;

    /// <summary>Validates the key of a whole item (PutItem), in DynamoDB's words for items.</summary>
    public string KeyOfItem(JsonObject item)
    {
        foreach (var (name, type) in KeyAttributes)
        {
            if (item[name] is not JsonObject value)
            {
                throw DynamoDbErrors.Invalid($"One or more parameter values were invalid: Missing the key {name} in the item");
            }

            if (AttributeValues.TypeOf(value) != type)
            {
                throw DynamoDbErrors.Invalid($"One or more parameter values were invalid: Type mismatch for key {name} expected: {type} actual: {AttributeValues.TypeOf(value)}");
            }

            ThrowIfEmpty(name, value);
        }

        return EncodeKey(item);
    }

    /// <summary>Validates a Key parameter (GetItem, UpdateItem, DeleteItem, ExclusiveStartKey): exactly the key attributes.</summary>
    public string KeyOfKey(JsonObject key)
    {
        var expected = KeyAttributes.ToList();
        if (key.Count != expected.Count)
        {
            throw DynamoDbErrors.Invalid("The provided key element does not match the schema");
        }

        foreach (var (name, type) in expected)
        {
            if (key[name] is not JsonObject value || AttributeValues.TypeOf(value) != type)
            {
                throw DynamoDbErrors.Invalid("The provided key element does not match the schema");
            }

            ThrowIfEmpty(name, value);
        }

        return EncodeKey(key);
    }

    /// <summary>Just the key attributes of an item (what Scan returns as LastEvaluatedKey).</summary>
    public JsonObject KeyPart(JsonObject item)
    {
        var key = new JsonObject();
        foreach (var (name, _) in KeyAttributes)
        {
            key[name] = item[name]!.DeepClone();
        }

        return key;
    }

    public JsonObject Describe(string status, long itemCount, long sizeBytes)
    {
        var definitions = new JsonArray();
        var keySchema = new JsonArray();
        foreach (var (name, type) in KeyAttributes)
        {
            definitions.Add((JsonNode)new JsonObject { ["AttributeName"] = name, ["AttributeType"] = type });
            keySchema.Add((JsonNode)new JsonObject { ["AttributeName"] = name, ["KeyType"] = name == PartitionKey ? "HASH" : "RANGE" });
        }

        return new JsonObject
        {
            ["AttributeDefinitions"] = definitions,
            ["TableName"] = Name,
            ["KeySchema"] = keySchema,
            ["TableStatus"] = status,
            ["CreationDateTime"] = CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["ProvisionedThroughput"] = new JsonObject
            {
                ["NumberOfDecreasesToday"] = 0,
                ["ReadCapacityUnits"] = 0,
                ["WriteCapacityUnits"] = 0,
            },
            ["TableSizeBytes"] = sizeBytes,
            ["ItemCount"] = itemCount,
            ["TableArn"] = $"arn:aws:dynamodb:local:000000000000:table/{Name}",
            ["BillingModeSummary"] = new JsonObject { ["BillingMode"] = "PAY_PER_REQUEST" },
        };
    }

    private static void ThrowIfEmpty(string name, JsonObject value)
    {
        if (value.First().Value?.GetValue<string>() is "")
        {
            throw DynamoDbErrors.Invalid($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: {name}");
        }
    }

    /// <summary>The stored row key: the typed key values as canonical JSON, unique per item.</summary>
    private string EncodeKey(JsonObject item) =>
        new JsonArray([.. KeyAttributes.Select(attribute => (JsonNode?)item[attribute.Name]!.DeepClone())]).ToJsonString();
}
