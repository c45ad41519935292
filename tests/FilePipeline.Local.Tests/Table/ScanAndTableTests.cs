using System.Text.Json.Nodes;
using static FilePipeline.Local.Tests.Table.TableFixture;

namespace FilePipeline.Local.Tests.Table;

public sealed class ScanAndTableTests : IDisposable
{
    private readonly TableFixture table = new();

    private async Task PutNumbered(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await table.Run("PutItem", $$$$"""{"Item":{"pk":{"S":"k{{{{i}}}}"},"n":{"N":"{{{{i}}}}"},"other":{"S":"x"}}}""");
        }
    }

    [Fact]
    public async Task Scan_pages_with_Limit_and_ExclusiveStartKey_visit_every_item_once()
    {
        await PutNumbered(5);
        var seen = new List<string>();
        JsonNode? startKey = null;
        var pages = 0;
        do
        {
            var request = new JsonObject { ["TableName"] = "items", ["Limit"] = 2 };
            if (startKey is not null)
            {
                request["ExclusiveStartKey"] = startKey.DeepClone();
            }

            var response = await table.Db.ExecuteAsync("Scan", request, CancellationToken.None);
            seen.AddRange(response["Items"]!.AsArray().Select(item => item!["pk"]!["S"]!.GetValue<string>()));
            Assert.Equal(response["Count"]!.GetValue<int>(), response["ScannedCount"]!.GetValue<int>());
            startKey = response["LastEvaluatedKey"];
            pages++;
        }
        while (startKey is not null);

        Assert.Equal(["k0", "k1", "k2", "k3", "k4"], seen.Order());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Scan_Limit_counts_items_read_before_the_filter_and_projection_trims_them()
    {
        await PutNumbered(4);
        var response = await table.Run("Scan", """{"Limit":3,"FilterExpression":"n >= :two","ProjectionExpression":"n","ExpressionAttributeValues":{":two":{"N":"2"}}}""");
        AssertJson("""{"Items":[{"n":{"N":"2"}}],"Count":1,"ScannedCount":3,"LastEvaluatedKey":{"pk":{"S":"k2"}}}""", response);
    }

    [Fact]
    public async Task A_scan_page_ends_once_it_has_read_1_MB()
    {
        var large = new string('x', 300 * 1024);
        for (var i = 0; i < 5; i++)
        {
            await table.Db.ExecuteAsync("PutItem", Json($$$$"""{"TableName":"items","Item":{"pk":{"S":"k{{{{i}}}}"},"v":{"S":"{{{{large}}}}"}}}"""), CancellationToken.None);
        }

        var first = await table.Run("Scan", """{"Select":"COUNT"}""");
        Assert.Equal(4, first["ScannedCount"]!.GetValue<int>());
        AssertJson("""{"pk":{"S":"k3"}}""", first["LastEvaluatedKey"]);
        var rest = await table.Run("Scan", """{"Select":"COUNT","ExclusiveStartKey":{"pk":{"S":"k3"}}}""");
        AssertJson("""{"Count":1,"ScannedCount":1}""", rest);
    }

    [Fact]
    public async Task Scan_Select_COUNT_returns_counts_without_items()
    {
        await PutNumbered(3);
        AssertJson("""{"Count":3,"ScannedCount":3}""", await table.Run("Scan", """{"Select":"COUNT"}"""));
    }

    [Fact]
    public async Task CreateTable_DescribeTable_and_DeleteTable_manage_tables_with_a_sort_key()
    {
        var created = await table.Run("CreateTable", """
            {"TableName":"orders","KeySchema":[{"AttributeName":"customer","KeyType":"HASH"},{"AttributeName":"seq","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"customer","AttributeType":"S"},{"AttributeName":"seq","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}
            """);
        Assert.Equal("ACTIVE", created["TableDescription"]!["TableStatus"]!.GetValue<string>());
        await table.Run("PutItem", """{"TableName":"orders","Item":{"customer":{"S":"c"},"seq":{"N":"1.0"}}}""");
        AssertJson("""{"Item":{"customer":{"S":"c"},"seq":{"N":"1"}}}""", await table.Run("GetItem", """{"TableName":"orders","Key":{"customer":{"S":"c"},"seq":{"N":"1"}}}"""));

        var described = await table.Run("DescribeTable", """{"TableName":"orders"}""");
        AssertJson("""[{"AttributeName":"customer","KeyType":"HASH"},{"AttributeName":"seq","KeyType":"RANGE"}]""", described["Table"]!["KeySchema"]);
        Assert.Equal(1, described["Table"]!["ItemCount"]!.GetValue<long>());

        Assert.Equal("ResourceInUseException", (await table.Fails("CreateTable", """
            {"TableName":"orders","KeySchema":[{"AttributeName":"customer","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"customer","AttributeType":"S"}]}
            """)).ErrorName);
        await table.Run("DeleteTable", """{"TableName":"orders"}""");
        Assert.Equal("ResourceNotFoundException", (await table.Fails("DescribeTable", """{"TableName":"orders"}""")).ErrorName);
    }

    [Theory]
    [InlineData("""{"TableName":"x","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}]}""")]
    [InlineData("""{"TableName":"good","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"b","AttributeType":"S"}]}""")]
    [InlineData("""{"TableName":"good","KeySchema":[{"AttributeName":"a","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"a","AttributeType":"S"}]}""")]
    public async Task CreateTable_rejects_bad_names_and_key_schemas(string request) =>
        Assert.Equal("ValidationException", (await table.Fails("CreateTable", request)).ErrorName);

    [Fact]
    public void EnsureTable_is_idempotent()
    {
        table.Db.EnsureTable("items", "pk");
        table.Db.EnsureTable("items", "pk");
    }

    public void Dispose() => table.Dispose();
}
