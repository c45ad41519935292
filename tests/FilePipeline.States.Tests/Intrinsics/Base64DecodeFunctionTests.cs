namespace FilePipeline.States.Tests.Intrinsics;

public class Base64DecodeFunctionTests
{
    [Fact]
    public void Base64_is_decoded_to_text_as_in_the_AWS_example()
    {
        // AWS's page shows "Decoded data" as the output, but the input encodes "Data to encode".
        Intrinsic.AssertJson("\"Data to encode\"", Intrinsic.Evaluate("States.Base64Decode($.base64)", """{"base64":"RGF0YSB0byBlbmNvZGU="}"""));
    }

    [Fact]
    public void Encoding_and_decoding_round_trip_through_nested_calls()
    {
        Intrinsic.AssertJson("\"héllo ✓\"", Intrinsic.Evaluate("States.Base64Decode(States.Base64Encode($.s))", """{"s":"héllo ✓"}"""));
    }

    [Fact]
    public void Exactly_10000_characters_are_allowed_and_more_are_an_intrinsic_failure()
    {
        Assert.NotNull(Intrinsic.Evaluate("States.Base64Decode($.b)", $$"""{"b":"{{new string('Q', 10_000)}}"}"""));

        Intrinsic.Fails("States.Base64Decode($.b)", $$"""{"b":"{{new string('Q', 10_004)}}"}""");
    }

    [Theory]
    [InlineData("States.Base64Decode('not base64!!!')")]
    [InlineData("States.Base64Decode('/w==')")]
    [InlineData("States.Base64Decode(5)")]
    public void Invalid_Base64_bytes_that_are_not_UTF8_or_a_non_string_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }
}
