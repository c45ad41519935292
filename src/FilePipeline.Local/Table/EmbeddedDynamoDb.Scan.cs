using System.Text.Json.Nodes;
using FilePipeline.Local.Table.Expressions;

namespace FilePipeline.Local.Table;

/// <summary>Scan: pages of items in key order, Limit counting items read before the filter, 1 MB per page.</summary>
public sealed partial class EmbeddedDynamoDb
{
    private const long MaxPageBytes = 1024 * 1024;

    private JsonObject Scan(JsonObject request)
    {
        var tableName = RequestReader.RequiredString(request, "TableName");
        var attributes = new ExpressionAttributes(request);
        var filter = ParseCondition(request, "FilterExpression", attributes);
        var projection = ParseProjection(request, attributes);
        attributes.ThrowIfAnyUnused(filter is not null || projection is not null);
        var limit = RequestReader.OptionalInt(request, "Limit");
        if (limit < 1)
        {
            throw DynamoDbErrors.Invalid($"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }

        var select = RequestReader.Choice(request, "Select", projection is null ? "ALL_ATTRIBUTES" : "SPECIFIC_ATTRIBUTES", "ALL_ATTRIBUTES", "COUNT", "SPECIFIC_ATTRIBUTES");
        var startKey = request["ExclusiveStartKey"] is { } start ? AttributeValues.NormalizeItem(start, "exclusiveStartKey") : null;
        ThrowIfThrottled();

        return InReadConnection(connection =>
        {
            var schema = RequireTable(connection, tableName);
            var items = new JsonArray();
            var scanned = 0;
            var pageBytes = 0L;
            JsonObject? lastEvaluatedKey = null;
            foreach (var (item, size) in TableStore.ScanItems(connection, tableName, startKey is null ? null : schema.KeyOfKey(startKey)))
            {
                scanned++;
                pageBytes += size;
                if (filter is null || filter.IsTrue(item))
                {
                    items.Add((JsonNode)(projection?.Apply(item) ?? item));
                }

                if (scanned == limit || pageBytes >= MaxPageBytes)
                {
                    lastEvaluatedKey = schema.KeyPart(item);
                    break;
                }
            }

            var response = new JsonObject();
            if (select != "COUNT")
            {
                response["Items"] = items;
            }

            response["Count"] = items.Count;
            response["ScannedCount"] = scanned;
            if (lastEvaluatedKey is not null)
            {
                response["LastEvaluatedKey"] = lastEvaluatedKey;
            }

            return response;
        });
    }
}
