namespace FilePipeline.States.Tests.Intrinsics;

public class ArrayFunctionTests
{
    [Fact]
    public void A_path_value_is_wrapped_as_in_the_AWS_example()
    {
        Intrinsic.AssertJson("[123456]", Intrinsic.Evaluate("States.Array($.Id)", """{"Id":123456}"""));
    }

    [Fact]
    public void Mixed_arguments_keep_their_order_as_in_the_ASL_spec_example()
    {
        var result = Intrinsic.Evaluate("States.Array('Foo', 2020, $.someJson, null)", """{"someJson":{"random":"abcdefg"},"zebra":"stripe"}""");

        Intrinsic.AssertJson("""["Foo",2020,{"random":"abcdefg"},null]""", result);
    }

    [Fact]
    public void No_arguments_give_an_empty_array()
    {
        Intrinsic.AssertJson("[]", Intrinsic.Evaluate("States.Array()"));
    }

    [Fact]
    public void The_same_path_twice_gives_two_independent_copies()
    {
        var result = Intrinsic.Evaluate("States.Array($.o, $.o, true, false)", """{"o":{"k":1}}""");

        Intrinsic.AssertJson("""[{"k":1},{"k":1},true,false]""", result);
    }
}
