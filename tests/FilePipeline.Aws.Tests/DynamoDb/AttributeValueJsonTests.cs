using System.Text.Json.Nodes;
using FilePipeline.Aws.DynamoDb;

namespace FilePipeline.Aws.Tests.DynamoDb;

public sealed class AttributeValueJsonTests
{
    [Fact]
    public void Every_attribute_type_survives_a_round_trip_through_the_sdk_model()
    {
        var item = JsonNode.Parse("""
            {"b":{"B":"AQID"},"bool":{"BOOL":false},"bs":{"BS":["AQ==","Ag=="]},"l":{"L":[{"S":"x"},{"N":"2"}]},
             "m":{"M":{"inner":{"NULL":true}}},"n":{"N":"12.5"},"ns":{"NS":["1","2"]},"s":{"S":"text"},"ss":{"SS":["a","b"]}}
            """)!.AsObject();

        var back = AttributeValueJson.ToJson(AttributeValueJson.ToItem(item));

        Assert.True(JsonNode.DeepEquals(item, back), back.ToJsonString());
    }

    [Fact]
    public void Numbers_stay_strings_so_no_precision_is_lost()
    {
        var value = AttributeValueJson.ToAttributeValue(JsonNode.Parse("""{"N":"12345678901234567890.123"}""")!.AsObject());

        Assert.Equal("12345678901234567890.123", value.N);
    }

    [Theory]
    [InlineData("""{"S":"a","N":"1"}""")]
    [InlineData("""{"X":"a"}""")]
    [InlineData("""{}""")]
    public void A_value_without_exactly_one_known_type_is_refused(string json)
    {
        Assert.Throws<FormatException>(() => AttributeValueJson.ToAttributeValue(JsonNode.Parse(json)!.AsObject()));
    }
}
