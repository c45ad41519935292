namespace FilePipeline.States.Tests.Intrinsics;

public class StringToJsonFunctionTests
{
    [Fact]
    public void An_escaped_JSON_string_is_parsed_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.StringToJson($.escapedJsonString)", """{"escapedJsonString":"{\"foo\": \"bar\"}"}""");

        Intrinsic.AssertJson("""{"foo":"bar"}""", result);
    }

    [Fact]
    public void Scalars_and_literals_parse_too()
    {
        Intrinsic.AssertJson("20", Intrinsic.Evaluate("States.StringToJson('20')"));
        Intrinsic.AssertJson("[1,\"a\"]", Intrinsic.Evaluate("States.StringToJson('[1,\"a\"]')"));
        Intrinsic.AssertJson("null", Intrinsic.Evaluate("States.StringToJson('null')"));
    }

    [Theory]
    [InlineData("States.StringToJson('{not json')")]
    [InlineData("States.StringToJson('')")]
    [InlineData("States.StringToJson($.number)")]
    [InlineData("States.StringToJson('1', '2')")]
    public void Invalid_JSON_a_non_string_or_a_wrong_argument_count_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression, """{"number":1}""");
    }
}
