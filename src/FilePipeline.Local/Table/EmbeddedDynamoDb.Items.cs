using System.Text.Json.Nodes;
using FilePipeline.Local.Table.Expressions;

namespace FilePipeline.Local.Table;

/// <summary>The single-item operations: GetItem, PutItem, UpdateItem, DeleteItem.</summary>
public sealed partial class EmbeddedDynamoDb
{
    private JsonObject GetItem(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        var key = AttributeValues.NormalizeItem(request["Key"], "key");
        var attributes = new ExpressionAttributes(request);
        var projection = ParseProjection(request, attributes);
        attributes.ThrowIfAnyUnused(projection is not null);
        ThrowIfThrottled();

        // Every read here is strongly consistent, which is what ConsistentRead=true asks for and a valid answer to false.
        var item = InReadConnection(connection =>
        {
            var schema = RequireTable(connection, tableName);
            return TableStore.GetItem(connection, tableName, schema.KeyOfKey(key));
        });
        var response = new JsonObject();
        if (item is not null)
        {
            response["Item"] = projection?.Apply(item) ?? item;
        }

        return response;
    }

    private async Task<JsonObject> PutItemAsync(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        var item = AttributeValues.NormalizeItem(request["Item"], "item");
        var attributes = new ExpressionAttributes(request);
        var condition = ParseCondition(request, "ConditionExpression", attributes);
        attributes.ThrowIfAnyUnused(condition is not null);
        var returnValues = RequestReader.Choice(request, "ReturnValues", "NONE", "NONE", "ALL_OLD");
        var returnOldOnFailure = ReturnOldOnFailure(request);
        var size = AttributeValues.ItemSize(item);
        ThrowIfThrottled();

        var old = await InGroupCommitAsync(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var key = schema.KeyOfItem(item);
            ThrowIfTooLarge(size, "Item size has exceeded the maximum allowed size");
            var current = TableStore.GetItem(connection, tableName, key);
            CheckCondition(condition, current, returnOldOnFailure);
            TableStore.PutItem(connection, tableName, key, item, size);
            return current;
        });
        return WithAttributes(returnValues == "ALL_OLD" ? old : null);
    }

    private async Task<JsonObject> UpdateItemAsync(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        var key = AttributeValues.NormalizeItem(request["Key"], "key");
        var attributes = new ExpressionAttributes(request);
        var update = RequestReader.OptionalString(request, "UpdateExpression") is { } text ? ExpressionParser.ParseUpdate(text, attributes) : null;
        var condition = ParseCondition(request, "ConditionExpression", attributes);
        attributes.ThrowIfAnyUnused(update is not null || condition is not null);
        var returnValues = RequestReader.Choice(request, "ReturnValues", "NONE", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        var returnOldOnFailure = ReturnOldOnFailure(request);
        ThrowIfThrottled();

        var (old, updated) = await InGroupCommitAsync(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var itemKey = schema.KeyOfKey(key);
            if (update?.Paths.FirstOrDefault(path => schema.IsKeyAttribute(path.TopLevelName)) is { } keyPath)
            {
                throw DynamoDbErrors.Invalid($"One or more parameter values were invalid: Cannot update attribute {keyPath.TopLevelName}. This attribute is part of the key");
            }

            var current = TableStore.GetItem(connection, tableName, itemKey);
            CheckCondition(condition, current, returnOldOnFailure);
            var next = update?.Apply(current ?? key) ?? (current ?? key).DeepClone().AsObject();
            var size = AttributeValues.ItemSize(next);
            ThrowIfTooLarge(size, "Item size to update has exceeded the maximum allowed size");
            TableStore.PutItem(connection, tableName, itemKey, next, size);
            return (current, next);
        });

        // UPDATED_OLD/NEW return each touched top-level attribute whole, even for a nested update.
        var updatedPaths = new Projection((update?.Paths ?? []).Select(path => path.TopLevelName).Distinct().Select(name => new DocumentPath([new PathElement(name, 0)])));
        return WithAttributes(returnValues switch
        {
            "ALL_OLD" => old,
            "ALL_NEW" => updated,
            "UPDATED_OLD" => old is null ? null : updatedPaths.Apply(old),
            "UPDATED_NEW" => updatedPaths.Apply(updated),
            _ => null,
        });
    }

    private async Task<JsonObject> DeleteItemAsync(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        var key = AttributeValues.NormalizeItem(request["Key"], "key");
        var attributes = new ExpressionAttributes(request);
        var condition = ParseCondition(request, "ConditionExpression", attributes);
        attributes.ThrowIfAnyUnused(condition is not null);
        var returnValues = RequestReader.Choice(request, "ReturnValues", "NONE", "NONE", "ALL_OLD");
        var returnOldOnFailure = ReturnOldOnFailure(request);
        ThrowIfThrottled();

        var old = await InGroupCommitAsync(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var itemKey = schema.KeyOfKey(key);
            var current = TableStore.GetItem(connection, tableName, itemKey);
            CheckCondition(condition, current, returnOldOnFailure);
            TableStore.DeleteItem(connection, tableName, itemKey);
            return current;
        });
        return WithAttributes(returnValues == "ALL_OLD" ? old : null);
    }
}
