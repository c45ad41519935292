namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayPartitionFunctionTests
{
    private const string Input = """{"inputArray":[1,2,3,4,5,6,7,8,9]}""";

    [Fact]
    public void Chunks_of_four_leave_a_shorter_last_chunk_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("[[1,2,3,4],[5,6,7,8],[9]]", Intrinsic.Evaluate("States.ArrayPartition($.inputArray,4)", Input));
    }

    [Fact]
    public void A_chunk_size_larger_than_the_array_gives_one_chunk_and_an_empty_array_gives_none()
    {
        Intrinsic.AssertJson("[[1,2,3,4,5,6,7,8,9]]", Intrinsic.Evaluate("States.ArrayPartition($.inputArray, 100)", Input));
        Intrinsic.AssertJson("[]", Intrinsic.Evaluate("States.ArrayPartition(States.Array(), 2)"));
    }

    [Fact]
    public void A_non_integer_chunk_size_is_rounded_to_the_nearest_integer()
    {
        Intrinsic.AssertJson("[[1,2,3],[4,5,6],[7,8,9]]", Intrinsic.Evaluate("States.ArrayPartition($.inputArray, 2.5)", Input));
    }

    [Theory]
    [InlineData("States.ArrayPartition($.inputArray, 0)")]
    [InlineData("States.ArrayPartition($.inputArray, -1)")]
    [InlineData("States.ArrayPartition($.inputArray, 0.4)")]
    [InlineData("States.ArrayPartition($.inputArray, '2')")]
    [InlineData("States.ArrayPartition('abc', 2)")]
    [InlineData("States.ArrayPartition($.inputArray)")]
    public void A_non_positive_or_non_numeric_size_a_non_array_or_a_missing_argument_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression, Input);
    }
}
