using FilePipeline.Local.Table;
using static FilePipeline.Local.Tests.Table.TableFixture;

namespace FilePipeline.Local.Tests.Table;

public sealed class ItemOperationTests : IDisposable
{
    private readonly TableFixture table = new();

    [Fact]
    public async Task GetItem_without_a_match_returns_no_Item_member()
    {
        var response = await table.Run("GetItem", """{"Key":{"pk":{"S":"none"}},"ConsistentRead":true}""");
        AssertJson("{}", response);
    }

    [Fact]
    public async Task PutItem_then_GetItem_returns_the_item_with_numbers_normalized()
    {
        AssertJson("{}", await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"01.50"},"ss":{"SS":["b","a"]}}}"""));
        AssertJson("""{"Item":{"pk":{"S":"a"},"n":{"N":"1.5"},"ss":{"SS":["b","a"]}}}""", await table.Run("GetItem", """{"Key":{"pk":{"S":"a"}}}"""));
    }

    [Fact]
    public async Task GetItem_projection_returns_only_the_named_paths()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"x":{"N":"1"},"m":{"M":{"a":{"S":"1"},"b":{"S":"2"}}},"l":{"L":[{"S":"0"},{"S":"1"},{"S":"2"}]}}}""");
        var response = await table.Run("GetItem", """{"Key":{"pk":{"S":"a"}},"ProjectionExpression":"m.b, l[2], l[0], #x, nope","ExpressionAttributeNames":{"#x":"x"}}""");
        AssertJson("""{"Item":{"m":{"M":{"b":{"S":"2"}}},"l":{"L":[{"S":"0"},{"S":"2"}]},"x":{"N":"1"}}}""", response);
        AssertJson("""{"Item":{}}""", await table.Run("GetItem", """{"Key":{"pk":{"S":"a"}},"ProjectionExpression":"nope"}"""));
    }

    [Fact]
    public async Task PutItem_with_ALL_OLD_returns_the_replaced_item()
    {
        AssertJson("{}", await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"1"}},"ReturnValues":"ALL_OLD"}"""));
        var response = await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ReturnValues":"ALL_OLD"}""");
        AssertJson("""{"Attributes":{"pk":{"S":"a"},"v":{"N":"1"}}}""", response);
    }

    [Fact]
    public async Task A_failed_condition_is_ConditionalCheckFailedException_and_leaves_the_item_unchanged()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"1"}}}""");
        var error = await table.Fails("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ConditionExpression":"attribute_not_exists(pk)"}""");
        Assert.Equal("ConditionalCheckFailedException", error.ErrorName);
        Assert.Equal("The conditional request failed", error.Message);
        Assert.Null(error.Item);
        AssertJson("""{"pk":{"S":"a"},"v":{"N":"1"}}""", await table.Item("a"));
    }

    [Fact]
    public async Task ReturnValuesOnConditionCheckFailure_ALL_OLD_carries_the_current_item()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"1"}}}""");
        var error = await table.Fails("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ConditionExpression":"v = :two","ExpressionAttributeValues":{":two":{"N":"2"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}""");
        AssertJson("""{"pk":{"S":"a"},"v":{"N":"1"}}""", error.Item);
        AssertJson("""{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"pk":{"S":"a"},"v":{"N":"1"}}}""", error.ToWireJson());
    }

    [Fact]
    public async Task A_condition_on_an_absent_item_sees_no_attributes()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"new"}},"ConditionExpression":"attribute_not_exists(pk)"}""");
        var error = await table.Fails("DeleteItem", """{"Key":{"pk":{"S":"other"}},"ConditionExpression":"attribute_exists(pk)"}""");
        Assert.Equal("ConditionalCheckFailedException", error.ErrorName);
    }

    [Fact]
    public async Task UpdateItem_creates_the_item_and_applies_every_clause()
    {
        var response = await table.Run("UpdateItem", """
            {"Key":{"pk":{"S":"a"}},
             "UpdateExpression":"SET c = if_not_exists(c, :zero) + :one, l = list_append(:l, :l), m = :m ADD tags :tags, amount :five",
             "ExpressionAttributeValues":{":zero":{"N":"0"},":one":{"N":"1"},":l":{"L":[{"S":"x"}]},":m":{"M":{"k":{"S":"v"}}},":tags":{"SS":["a","b"]},":five":{"N":"5"}},
             "ReturnValues":"ALL_NEW"}
            """);
        AssertJson("""{"Attributes":{"pk":{"S":"a"},"c":{"N":"1"},"l":{"L":[{"S":"x"},{"S":"x"}]},"m":{"M":{"k":{"S":"v"}}},"tags":{"SS":["a","b"]},"amount":{"N":"5"}}}""", response);

        response = await table.Run("UpdateItem", """
            {"Key":{"pk":{"S":"a"}},
             "UpdateExpression":"SET c = c - :one, m.k2 = :one DELETE tags :a ADD amount :neg",
             "ExpressionAttributeValues":{":one":{"N":"1"},":a":{"SS":["a","zz"]},":neg":{"N":"-0.5"}},
             "ReturnValues":"UPDATED_NEW"}
            """);
        AssertJson("""{"Attributes":{"c":{"N":"0"},"m":{"M":{"k":{"S":"v"},"k2":{"N":"1"}}},"tags":{"SS":["b"]},"amount":{"N":"4.5"}}}""", response);
        AssertJson("""{"pk":{"S":"a"},"c":{"N":"0"},"l":{"L":[{"S":"x"},{"S":"x"}]},"m":{"M":{"k":{"S":"v"},"k2":{"N":"1"}}},"tags":{"SS":["b"]},"amount":{"N":"4.5"}}""", await table.Item("a"));
    }

    [Fact]
    public async Task List_indexes_in_one_update_refer_to_the_list_before_it_and_a_set_past_the_end_appends()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"l":{"L":[{"S":"0"},{"S":"1"},{"S":"2"},{"S":"3"}]}}}""");
        await table.Run("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE l[1], l[3] SET l[9] = :v, l[0] = :v","ExpressionAttributeValues":{":v":{"S":"v"}}}""");
        AssertJson("""{"pk":{"S":"a"},"l":{"L":[{"S":"v"},{"S":"2"},{"S":"v"}]}}""", await table.Item("a"));
    }

    [Fact]
    public async Task Deleting_the_last_set_element_removes_the_attribute()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"ns":{"NS":["1","2"]}}}""");
        var response = await table.Run("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"DELETE ns :all","ExpressionAttributeValues":{":all":{"NS":["2","1.0"]}},"ReturnValues":"UPDATED_OLD"}""");
        AssertJson("""{"Attributes":{"ns":{"NS":["1","2"]}}}""", response);
        AssertJson("""{"pk":{"S":"a"}}""", await table.Item("a"));
    }

    [Fact]
    public async Task UpdateItem_ReturnValues_ALL_OLD_and_UPDATED_OLD_report_the_item_before_the_update()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"x":{"N":"1"},"y":{"N":"2"}}}""");
        AssertJson("""{"Attributes":{"pk":{"S":"a"},"x":{"N":"1"},"y":{"N":"2"}}}""",
            await table.Run("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE x","ReturnValues":"ALL_OLD"}"""));
        AssertJson("""{"Attributes":{"y":{"N":"2"}}}""",
            await table.Run("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET y = :v, x = :v","ExpressionAttributeValues":{":v":{"N":"3"}},"ReturnValues":"UPDATED_OLD"}"""));
        AssertJson("{}", await table.Run("UpdateItem", """{"Key":{"pk":{"S":"new"}},"UpdateExpression":"SET y = :v","ExpressionAttributeValues":{":v":{"N":"3"}},"ReturnValues":"UPDATED_OLD"}"""));
    }

    [Theory]
    [InlineData("SET x = y + :one", "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("SET x = s + :one", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET nope.deeper = :one", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET s[0] = :one", "The document path provided in the update expression is invalid for update")]
    [InlineData("ADD s :one", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET pk = :one", "Cannot update attribute pk. This attribute is part of the key")]
    public async Task Impossible_updates_are_validation_errors_and_change_nothing(string expression, string message)
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"s":{"S":"text"}}}""");
        var error = await table.Fails("UpdateItem", $$$$"""{"Key":{"pk":{"S":"a"}},"UpdateExpression":"{{{{expression}}}}","ExpressionAttributeValues":{":one":{"N":"1"}}}""");
        Assert.Equal("ValidationException", error.ErrorName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        AssertJson("""{"pk":{"S":"a"},"s":{"S":"text"}}""", await table.Item("a"));
    }

    [Fact]
    public async Task DeleteItem_removes_and_returns_the_old_item_when_asked()
    {
        await table.Run("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"BOOL":false}}}""");
        AssertJson("""{"Attributes":{"pk":{"S":"a"},"v":{"BOOL":false}}}""", await table.Run("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"""));
        Assert.Null(await table.Item("a"));
        AssertJson("{}", await table.Run("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"""));
    }

    [Theory]
    [InlineData("PutItem", """{"Item":{"v":{"S":"x"}}}""", "One or more parameter values were invalid: Missing the key pk in the item")]
    [InlineData("PutItem", """{"Item":{"pk":{"N":"1"}}}""", "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":""}}}""", "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk")]
    [InlineData("GetItem", """{"Key":{"pk":{"S":"a"},"x":{"S":"b"}}}""", "The provided key element does not match the schema")]
    [InlineData("GetItem", """{"Key":{"pk":{"N":"1"}}}""", "The provided key element does not match the schema")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"},"ss":{"SS":[]}}}""", "An string set  may not be empty")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"},"ss":{"SS":["a","a"]}}}""", "Input collection [a, a] contains duplicates")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"x"}}}""", "A value provided cannot be converted into a number")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"S":"x","N":"1"}}}""", "Supplied AttributeValue has more than one datatypes set")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"},"v":{}}}""", "Supplied AttributeValue is empty")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"NULL":false}}}""", "Null attribute value types must have the value of true")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW"}""", "Return values set to invalid value")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":v":{"N":"5"}}}""", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"}},"ExpressionAttributeNames":{"#v":"x"}}""", "ExpressionAttributeNames can only be specified when using expressions")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"}},"ConditionExpression":"a = :v","ExpressionAttributeValues":{":v":{"SS":[]}}}""", "ExpressionAttributeValues contains invalid value")]
    [InlineData("Scan", """{"Limit":0}""", "failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData("PutItem", """{"Item":{"pk":{"S":"a"}},"Expected":{"pk":{"Exists":false}}}""", "does not support the parameter Expected")]
    [InlineData("Scan", """{"Segment":0,"TotalSegments":2}""", "does not support the parameter Segment")]
    public async Task Invalid_requests_are_ValidationException_with_dynamodb_wording(string operation, string request, string message)
    {
        var error = await table.Fails(operation, request);
        Assert.Equal("ValidationException", error.ErrorName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_over_400_KB_are_rejected_and_items_just_under_are_stored()
    {
        var name = "pk" + "v";
        var fits = new string('x', (400 * 1024) - name.Length - 1);
        await table.Db.ExecuteAsync("PutItem", Json($$$$"""{"TableName":"items","Item":{"pk":{"S":"a"},"v":{"S":"{{{{fits}}}}"}}}"""), CancellationToken.None);
        var error = await Assert.ThrowsAsync<DynamoDbException>(() =>
            table.Db.ExecuteAsync("PutItem", Json($$$$"""{"TableName":"items","Item":{"pk":{"S":"a"},"v":{"S":"{{{{fits}}}}xx"}}}"""), CancellationToken.None));
        Assert.Equal("Item size has exceeded the maximum allowed size", error.Message);
    }

    [Fact]
    public async Task An_unknown_table_is_ResourceNotFoundException()
    {
        var error = await table.Fails("GetItem", """{"TableName":"nope","Key":{"pk":{"S":"a"}}}""");
        Assert.Equal("ResourceNotFoundException", error.ErrorName);
    }

    [Fact]
    public async Task An_unsupported_operation_is_UnknownOperationException()
    {
        var error = await table.Fails("BatchWriteItem", "{}");
        Assert.Equal("UnknownOperationException", error.ErrorName);
    }

    public void Dispose() => table.Dispose();
}
