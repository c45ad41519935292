using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests;

/// <summary>Examples from the Amazon States Language specification and the Step Functions docs, with their documented results.</summary>
public class ConformanceTests
{
    [Theory]
    [InlineData("conformance-spec-choice.json", """{"type":"Public"}""", """{"type":"Public","route":"Public"}""")]
    [InlineData("conformance-spec-choice.json", """{"type":"Private","value":0}""", """{"type":"Private","value":0,"route":"ValueIsZero"}""")]
    [InlineData("conformance-spec-choice.json", """{"type":"Private","value":22}""", """{"type":"Private","value":22,"route":"ValueInTwenties"}""")]
    [InlineData("conformance-spec-parallel.json",
        """{"address":"123 Main St","phone":"555-0100"}""", """["123 Main St","555-0100"]""")]
    [InlineData("conformance-spec-map.json",
        """{"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[{"prod":"R31","dest-code":9511,"quantity":1344},{"prod":"S39","dest-code":9511,"quantity":40}]}}""",
        """{"ship-date":"2016-03-14T01:59:00Z","detail":{"delivery-partner":"UQS","shipped":[{"parcel":{"prod":"R31","dest-code":9511,"quantity":1344},"courier":"UQS"},{"parcel":{"prod":"S39","dest-code":9511,"quantity":40},"courier":"UQS"}]}}""")]
    [InlineData("conformance-resultpath-replace.json", """{"original":1}""", """{"replaced":true}""")]
    [InlineData("conformance-outputpath.json", """{"comment":"x"}""", "\"Hello, Step Functions!\"")]
    [InlineData("conformance-catch-error-info.json", """{"foo":"bar"}""", """{"foo":"bar","error-info":{"Error":"CustomError","Cause":"This is a custom error!"}}""")]
    [InlineData("conformance-resultpath-array-index.json", """{"list":["a","b","c"]}""", """{"list":["a","replaced","c"]}""")]
    [InlineData("conformance-parameters-array.json", """{"a":1,"b":2}""", """{"list":[{"a":1},"static",1],"nested":{"deeper":{"b":2}}}""")]
    public async Task Documented_examples_produce_the_documented_output(string definition, string input, string expected)
    {
        var result = await new Harness().RunAsync(definition, input);
        Harness.AssertJson(expected, Harness.Output(result));
    }

    [Fact]
    public async Task The_spec_Choice_example_falls_to_its_Default_Fail_state()
    {
        var result = await new Harness().RunAsync("conformance-spec-choice.json", """{"type":"Private","value":99}""");
        Assert.Equal("DefaultStateError", result.Error);
        Assert.Equal("No Matches!", result.Cause);
    }

    [Fact]
    public async Task Execution_output_is_the_JSON_text_AWS_returns()
    {
        var result = await new Harness().RunAsync("conformance-outputpath.json", "{}");
        Assert.Equal("\"Hello, Step Functions!\"", result.Output);
        Assert.NotNull(JsonNode.Parse(result.Output!));
    }
}
