namespace FilePipeline.States.Tests.Intrinsics;

public class StringSplitFunctionTests
{
    [Fact]
    public void A_comma_separated_string_splits_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.StringSplit($.inputString, $.splitter)", """{"inputString":"1,2,3,4,5","splitter":","}""");

        Intrinsic.AssertJson("""["1","2","3","4","5"]""", result);
    }

    [Fact]
    public void Each_character_of_the_splitter_is_a_delimiter_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.StringSplit($.inputString, $.splitter)", """{"inputString":"This.is+a,test=string","splitter":".+,="}""");

        Intrinsic.AssertJson("""["This","is","a","test","string"]""", result);
    }

    [Fact]
    public void Empty_pieces_are_dropped()
    {
        Intrinsic.AssertJson("""["a","b"]""", Intrinsic.Evaluate("States.StringSplit(',,a,,b,', ',')"));
        Intrinsic.AssertJson("[]", Intrinsic.Evaluate("States.StringSplit('...', '.')"));
    }

    [Fact]
    public void A_string_without_the_delimiter_is_one_piece()
    {
        Intrinsic.AssertJson("""["abc"]""", Intrinsic.Evaluate("States.StringSplit('abc', '/')"));
    }

    [Theory]
    [InlineData("States.StringSplit('abc', '')")]
    [InlineData("States.StringSplit(123, ',')")]
    [InlineData("States.StringSplit('a,b')")]
    public void An_empty_delimiter_a_non_string_or_a_missing_argument_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }
}
