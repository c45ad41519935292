using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FilePipeline.Local.Table;

/// <summary>The minimal control plane: CreateTable, DescribeTable, DeleteTable, and EnsureTable for hosts.</summary>
public sealed partial class EmbeddedDynamoDb
{
    /// <summary>Creates a table with string key attributes unless one of that name exists already.</summary>
    public void EnsureTable(string tableName, string partitionKey, string? sortKey = null)
    {
        var schema = new TableSchema(ValidTableName(tableName), partitionKey, AttributeValues.String, sortKey, sortKey is null ? null : AttributeValues.String, timeProvider.GetUtcNow());
        InWriteTransaction(connection =>
        {
            if (TableStore.FindTable(connection, tableName) is null)
            {
                TableStore.InsertTable(connection, schema);
            }

            return 0;
        });
    }

    private JsonObject CreateTable(JsonObject request)
    {
        var tableName = ValidTableName(RequestReader.RequiredString(request, "TableName"));
        var definitions = (request["AttributeDefinitions"] as JsonArray ?? [])
            .Select(definition => (Name: definition?["AttributeName"]?.GetValue<string>() ?? string.Empty, Type: definition?["AttributeType"]?.GetValue<string>() ?? string.Empty))
            .ToList();
        var keySchema = (request["KeySchema"] as JsonArray ?? [])
            .Select(element => (Name: element?["AttributeName"]?.GetValue<string>() ?? string.Empty, KeyType: element?["KeyType"]?.GetValue<string>() ?? string.Empty))
            .ToList();
        var hash = keySchema.Where(key => key.KeyType == "HASH").ToList();
        var range = keySchema.Where(key => key.KeyType == "RANGE").ToList();
        if (hash.Count != 1 || range.Count > 1 || hash.Count + range.Count != keySchema.Count)
        {
            throw DynamoDbErrors.Invalid("1 validation error detected: Invalid KeySchema: Some index key attributes are not defined in AttributeDefinitions, or the key schema has not exactly one HASH key and at most one RANGE key");
        }

        string TypeOf(string name)
        {
            var type = definitions.FirstOrDefault(definition => definition.Name == name).Type;
            return type is AttributeValues.String or AttributeValues.Number or AttributeValues.Binary
                ? type
                : throw DynamoDbErrors.Invalid($"One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", keySchema.Select(key => key.Name))}], AttributeDefinitions: [{string.Join(", ", definitions.Select(definition => definition.Name))}]");
        }

        var sortKey = range.Count == 1 ? range[0].Name : null;
        var schema = new TableSchema(tableName, hash[0].Name, TypeOf(hash[0].Name), sortKey, sortKey is null ? null : TypeOf(sortKey), timeProvider.GetUtcNow());
        InWriteTransaction(connection =>
        {
            if (TableStore.FindTable(connection, tableName) is not null)
            {
                throw new DynamoDbException(DynamoDbErrors.ResourceInUse, $"Table already exists: {tableName}");
            }

            TableStore.InsertTable(connection, schema);
            return 0;
        });
        return new JsonObject { ["TableDescription"] = schema.Describe("ACTIVE", 0, 0) };
    }

    private JsonObject DescribeTable(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        return InReadConnection(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var (count, size) = TableStore.Statistics(connection, tableName);
            return new JsonObject { ["Table"] = schema.Describe("ACTIVE", count, size) };
        });
    }

    private JsonObject DeleteTable(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        return InWriteTransaction(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var (count, size) = TableStore.Statistics(connection, tableName);
            TableStore.DeleteTable(connection, tableName);
            return new JsonObject { ["TableDescription"] = schema.Describe("DELETING", count, size) };
        });
    }

    private static string ValidTableName(string name) =>
        TableNamePattern().IsMatch(name)
            ? name
            : throw DynamoDbErrors.Invalid("Invalid table/index name.  Table/index names must be between 3 and 255 characters long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'");

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
