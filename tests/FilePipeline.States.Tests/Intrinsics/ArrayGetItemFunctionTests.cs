namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayGetItemFunctionTests
{
    private const string Input = """{"inputArray":[1,2,3,4,5,6,7,8,9],"index":5}""";

    [Fact]
    public void Index_five_returns_the_sixth_item_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("6", Intrinsic.Evaluate("States.ArrayGetItem($.inputArray, $.index)", Input));
    }

    [Fact]
    public void Objects_are_returned_whole()
    {
        Intrinsic.AssertJson("""{"k":2}""", Intrinsic.Evaluate("States.ArrayGetItem($.a, 1)", """{"a":[{"k":1},{"k":2}]}"""));
    }

    [Fact]
    public void The_nine_function_AWS_nesting_example_extracts_the_version_parts_of_an_ARN()
    {
        // AWS's example has three {} for two values (it would fail); the nesting itself is what it shows.
        var result = Intrinsic.Evaluate(
            "States.Format('{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))",
            """{"ImageRecipe":{"Arn":"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/2.7.1"}}""");

        Intrinsic.AssertJson("\"2.7\"", result);
    }

    [Theory]
    [InlineData("States.ArrayGetItem($.inputArray, 9)")]
    [InlineData("States.ArrayGetItem($.inputArray, -1)")]
    [InlineData("States.ArrayGetItem($.inputArray, 1.5)")]
    [InlineData("States.ArrayGetItem($.inputArray, 18446744073709551616)")]
    [InlineData("States.ArrayGetItem('abc', 0)")]
    [InlineData("States.ArrayGetItem($.inputArray)")]
    public void An_out_of_bounds_or_non_integer_index_or_a_non_array_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression, Input);
    }
}
