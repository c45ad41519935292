namespace FilePipeline.States.Tests.Intrinsics;

public class Base64EncodeFunctionTests
{
    [Fact]
    public void Text_is_encoded_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("\"RGF0YSB0byBlbmNvZGU=\"", Intrinsic.Evaluate("States.Base64Encode($.input)", """{"input":"Data to encode"}"""));
    }

    [Fact]
    public void Non_ASCII_text_is_encoded_as_UTF8_and_long_output_has_no_line_breaks()
    {
        Intrinsic.AssertJson("\"aMOpbGxvIOKckw==\"", Intrinsic.Evaluate("States.Base64Encode('héllo ✓')"));

        var encoded = Intrinsic.Evaluate("States.Base64Encode($.s)", $$"""{"s":"{{new string('a', 10_000)}}"}""")!.GetValue<string>();
        Assert.Equal(13_336, encoded.Length);
        Assert.DoesNotContain('\n', encoded);
    }

    [Fact]
    public void More_than_10000_characters_are_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.Base64Encode($.s)", $$"""{"s":"{{new string('a', 10_001)}}"}""");
    }

    [Theory]
    [InlineData("States.Base64Encode(1)")]
    [InlineData("States.Base64Encode()")]
    public void A_non_string_or_a_missing_argument_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }
}
