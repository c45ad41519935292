namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayContainsFunctionTests
{
    [Fact]
    public void A_present_value_is_found_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.ArrayContains($.inputArray, $.lookingFor)", """{"inputArray":[1,2,3,4,5,6,7,8,9],"lookingFor":5}""");

        Intrinsic.AssertJson("true", result);
    }

    [Fact]
    public void An_absent_value_is_not_found()
    {
        Intrinsic.AssertJson("false", Intrinsic.Evaluate("States.ArrayContains($.a, 10)", """{"a":[1,2,3]}"""));
        Intrinsic.AssertJson("false", Intrinsic.Evaluate("States.ArrayContains($.a, '1')", """{"a":[1,2,3]}"""));
    }

    [Fact]
    public void Objects_match_by_content_whatever_the_key_order()
    {
        var input = """{"a":[{"x":1,"y":[true,null]},"s"],"v":{"y":[true,null],"x":1}}""";

        Intrinsic.AssertJson("true", Intrinsic.Evaluate("States.ArrayContains($.a, $.v)", input));
        Intrinsic.AssertJson("true", Intrinsic.Evaluate("States.ArrayContains($.a, 's')", input));
    }

    [Fact]
    public void Null_can_be_searched_for()
    {
        Intrinsic.AssertJson("true", Intrinsic.Evaluate("States.ArrayContains($.a, null)", """{"a":[1,null]}"""));
    }

    [Theory]
    [InlineData("States.ArrayContains($.o, 1)")]
    [InlineData("States.ArrayContains($.a)")]
    public void A_non_array_or_a_missing_value_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression, """{"a":[1],"o":{"a":1}}""");
    }
}
