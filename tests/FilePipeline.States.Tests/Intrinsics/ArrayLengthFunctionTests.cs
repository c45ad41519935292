namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayLengthFunctionTests
{
    [Fact]
    public void Nine_items_have_length_nine_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("9", Intrinsic.Evaluate("States.ArrayLength($.inputArray)", """{"inputArray":[1,2,3,4,5,6,7,8,9]}"""));
    }

    [Fact]
    public void An_empty_array_has_length_zero()
    {
        Intrinsic.AssertJson("0", Intrinsic.Evaluate("States.ArrayLength(States.Array())"));
    }

    [Theory]
    [InlineData("States.ArrayLength($.s)")]
    [InlineData("States.ArrayLength(null)")]
    [InlineData("States.ArrayLength($.a, $.a)")]
    public void A_non_array_or_extra_argument_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression, """{"s":"abc","a":[]}""");
    }
}
