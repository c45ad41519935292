using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics;

namespace FilePipeline.States.Tests.Intrinsics;

public class IntrinsicFunctionsTests
{
    [Theory]
    [InlineData("States.Format('x')", true)]
    [InlineData("$.States", false)]
    [InlineData("states.Format('x')", false)]
    public void Only_values_starting_with_States_dot_are_intrinsics(string value, bool expected)
    {
        Assert.Equal(expected, IntrinsicFunctions.IsIntrinsic(value));
    }

    [Fact]
    public void Validation_accepts_a_well_formed_expression_without_resolving_paths()
    {
        IntrinsicFunctions.Validate("States.Format('{}', States.ArrayGetItem($.never.resolved, 0))");
    }

    [Theory]
    [InlineData("States.UUID(1)")]
    [InlineData("States.Nope()")]
    [InlineData(@"States.Format('\x')")]
    public void Validation_rejects_bad_arity_unknown_functions_and_bad_escapes(string expression)
    {
        Assert.Throws<IntrinsicFailureException>(() => IntrinsicFunctions.Validate(expression));
    }

    [Fact]
    public void A_returned_item_can_be_placed_in_the_output_and_the_input_is_not_changed()
    {
        var input = JsonNode.Parse("""{"items":[{"id":1},{"id":2}]}""");
        var resolve = Intrinsic.Resolver(input, null);

        var item = IntrinsicFunctions.Evaluate("States.ArrayGetItem($.items, 1)", resolve);
        var output = new JsonObject { ["picked"] = item, ["all"] = IntrinsicFunctions.Evaluate("States.Array($.items)", resolve) };

        Assert.Equal("""{"picked":{"id":2},"all":[[{"id":1},{"id":2}]]}""", output.ToJsonString());
        Assert.Equal("""{"items":[{"id":1},{"id":2}]}""", input!.ToJsonString());
    }

    [Fact]
    public void Evaluating_the_same_expression_twice_gives_independent_results()
    {
        var output = new JsonArray
        {
            IntrinsicFunctions.Evaluate("States.Array(1, 'a')", _ => null),
            IntrinsicFunctions.Evaluate("States.Array(1, 'a')", _ => null),
        };

        Assert.Equal("""[[1,"a"],[1,"a"]]""", output.ToJsonString());
    }

    [Fact]
    public void The_failure_carries_the_ASL_error_name()
    {
        Assert.Equal("States.IntrinsicFailure", IntrinsicFailureException.ErrorName);
    }
}
