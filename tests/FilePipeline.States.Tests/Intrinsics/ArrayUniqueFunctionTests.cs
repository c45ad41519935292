namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayUniqueFunctionTests
{
    [Fact]
    public void Repeated_values_are_removed_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("[1,2,3,4]", Intrinsic.Evaluate("States.ArrayUnique($.inputArray)", """{"inputArray":[1,2,3,3,3,3,3,3,4]}"""));
    }

    [Fact]
    public void The_first_occurrence_of_each_value_keeps_its_place()
    {
        Intrinsic.AssertJson("""[3,"a",1,null]""", Intrinsic.Evaluate("States.ArrayUnique($.a)", """{"a":[3,"a",3,1,"a",null,null,1]}"""));
    }

    [Fact]
    public void Objects_and_arrays_are_compared_by_content()
    {
        var result = Intrinsic.Evaluate("States.ArrayUnique($.a)", """{"a":[{"x":1,"y":2},{"y":2,"x":1},[1,2],[1,2],[2,1]]}""");

        Intrinsic.AssertJson("""[{"x":1,"y":2},[1,2],[2,1]]""", result);
    }

    [Fact]
    public void A_non_array_is_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.ArrayUnique('abc')");
    }
}
