using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>
/// Query and ListTables. Query reads the items its KeyConditionExpression selects in key order
/// (this table keeps no secondary indexes), then applies Limit, the FilterExpression and the projection
/// as DynamoDB does: Limit and ScannedCount count the items the key condition selected.
/// </summary>
public sealed partial class EmbeddedDynamoDb
{
    private JsonObject Query(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        var attributes = new Expressions.ExpressionAttributes(request);
        var keyCondition = ParseCondition(request, "KeyConditionExpression", attributes)
            ?? throw DynamoDbErrors.Invalid("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var filter = ParseCondition(request, "FilterExpression", attributes);
        var projection = ParseProjection(request, attributes);
        attributes.ThrowIfAnyUnused(requestHasExpressions: true);
        var limit = RequestReader.OptionalInt(request, "Limit");
        if (limit < 1)
        {
            throw DynamoDbErrors.Invalid($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        var forward = request["ScanIndexForward"]?.GetValue<bool>() ?? true;
        var select = RequestReader.Choice(request, "Select", projection is null ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES", "ALL_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES");
        var startKey = request["ExclusiveStartKey"] is { } start ? AttributeValues.NormalizeItem(start, "exclusiveStartKey") : null;
        ThrowIfThrottled();

        return InReadConnection(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var selected = TableStore.ScanItems(connection, tableName, null).Select(row => row.Item).Where(keyCondition.IsTrue).ToList();
            if (!forward)
            {
                selected.Reverse();
            }

            if (startKey is not null)
            {
                var startAt = schema.KeyOfKey(startKey);
                selected = [.. selected.SkipWhile(item => schema.KeyOfKey(schema.KeyPart(item)) != startAt).Skip(1)];
            }

            var page = limit is { } count ? selected.Take(count).ToList() : selected;
            var items = new JsonArray([.. page.Where(item => filter is null || filter.IsTrue(item)).Select(item => (JsonNode)(projection?.Apply(item) ?? item.DeepClone()))]);
            var response = new JsonObject();
            if (select != "COUNT")
            {
                response["Items"] = items;
            }

            response["Count"] = items.Count;
            response["ScannedCount"] = page.Count;
            if (page.Count < selected.Count)
            {
                response["LastEvaluatedKey"] = schema.KeyPart(page[^1]);
            }

            return response;
        });
    }

    private JsonObject ListTables(JsonObject request)
    {
        var limit = RequestReader.OptionalInt(request, "Limit") ?? 100;
        var after = RequestReader.OptionalString(request, "ExclusiveStartTableName");
        return InReadConnection(connection =>
        {
            var names = TableStore.TableNames(connection).Where(name => after is null || string.CompareOrdinal(name, after) > 0).ToList();
            var response = new JsonObject { ["TableNames"] = new JsonArray([.. names.Take(limit).Select(name => (JsonNode)name)]) };
            if (names.Count > limit)
            {
                response["LastEvaluatedTableName"] = names[limit - 1];
            }

            return response;
        });
    }
}
