namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayRangeFunctionTests
{
    [Fact]
    public void One_to_nine_by_two_matches_the_AWS_example()
    {
        Intrinsic.AssertJson("[1,3,5,7,9]", Intrinsic.Evaluate("States.ArrayRange(1, 9, 2)"));
    }

    [Fact]
    public void The_end_is_included_only_when_a_step_lands_on_it()
    {
        Intrinsic.AssertJson("[0,3,6,9]", Intrinsic.Evaluate("States.ArrayRange(0, 10, 3)"));
    }

    [Fact]
    public void A_negative_step_counts_down()
    {
        Intrinsic.AssertJson("[5,3,1,-1]", Intrinsic.Evaluate("States.ArrayRange(5, -1, -2)"));
    }

    [Fact]
    public void A_step_away_from_the_end_gives_an_empty_array_and_equal_bounds_give_one_item()
    {
        Intrinsic.AssertJson("[]", Intrinsic.Evaluate("States.ArrayRange(1, 9, -1)"));
        Intrinsic.AssertJson("[4]", Intrinsic.Evaluate("States.ArrayRange(4, 4, 7)"));
    }

    [Fact]
    public void Non_integer_arguments_are_rounded_to_the_nearest_integer()
    {
        Intrinsic.AssertJson("[1,2,3]", Intrinsic.Evaluate("States.ArrayRange(0.6, 3.4, 1.2)"));
    }

    [Fact]
    public void Exactly_1000_items_are_allowed_and_1001_are_an_intrinsic_failure()
    {
        Assert.Equal(1000, Intrinsic.Evaluate("States.ArrayRange(1, 1000, 1)")!.AsArray().Count);

        var failure = Intrinsic.Fails("States.ArrayRange(0, 1000, 1)");
        Assert.Contains("1000", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_range_fails_without_being_built()
    {
        Intrinsic.Fails("States.ArrayRange(-9000000000000000000, 9000000000000000000, 1)");
    }

    [Theory]
    [InlineData("States.ArrayRange(1, 9, 0)")]
    [InlineData("States.ArrayRange(1, 9, 0.2)")]
    [InlineData("States.ArrayRange('1', 9, 1)")]
    [InlineData("States.ArrayRange(1, 9)")]
    public void A_zero_step_a_non_number_or_a_missing_argument_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }
}
