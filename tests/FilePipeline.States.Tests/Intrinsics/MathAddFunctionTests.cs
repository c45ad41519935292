namespace FilePipeline.States.Tests.Intrinsics;

public class MathAddFunctionTests
{
    [Fact]
    public void Adding_minus_one_to_111_gives_110_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("110", Intrinsic.Evaluate("States.MathAdd($.value1, $.step)", """{"value1":111,"step":-1}"""));
    }

    [Fact]
    public void Non_integers_are_rounded_to_the_nearest_integer_before_adding()
    {
        Intrinsic.AssertJson("4", Intrinsic.Evaluate("States.MathAdd(1.4, 2.6)"));
    }

    [Fact]
    public void The_32_bit_extremes_are_accepted()
    {
        Intrinsic.AssertJson("4294967294", Intrinsic.Evaluate("States.MathAdd(2147483647, 2147483647)"));
        Intrinsic.AssertJson("-1", Intrinsic.Evaluate("States.MathAdd(-2147483648, 2147483647)"));
    }

    [Theory]
    [InlineData("States.MathAdd(2147483648, 0)")]
    [InlineData("States.MathAdd(0, -2147483649)")]
    [InlineData("States.MathAdd('1', 2)")]
    [InlineData("States.MathAdd(1)")]
    public void Values_outside_the_32_bit_range_non_numbers_or_a_missing_argument_are_intrinsic_failures(string expression)
    {
        Intrinsic.Fails(expression);
    }
}
